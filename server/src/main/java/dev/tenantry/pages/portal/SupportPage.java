package dev.tenantry.pages.portal;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import dev.tenantry.subscriptions.SupportService;
import dev.tenantry.subscriptions.SupportTicket;
import java.util.List;

/**
 * Model of portal/support.jte: a subscription's support requests and the form to open one, with what was entered and
 * the refusal of the last post, if any ({@code error} about {@code errorField}).
 */
public record SupportPage(
        Chrome chrome,
        ConsoleNav nav,
        SubscriptionHeader header,
        List<SupportTicket> tickets,
        List<SupportService.ProblemType> problemTypes,
        Form form,
        String error,
        String errorField) {

    public SupportPage {
        tickets = List.copyOf(tickets);
        problemTypes = List.copyOf(problemTypes);
    }

    /** What the form holds. */
    public record Form(
            String problemType,
            String severity,
            String title,
            String description,
            String firstName,
            String lastName,
            String email,
            String contactMethod,
            String phone) {

        static final Form EMPTY = new Form("", "C", "", "", "", "", "", "email", "");
    }
}
