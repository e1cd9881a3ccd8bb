package dev.tenantry.pages.portal;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import dev.tenantry.subscriptions.SupportTicket;

/** Model of portal/support-ticket.jte: one support request of a subscription. */
public record SupportTicketPage(
        Chrome chrome, ConsoleNav nav, SubscriptionHeader header, SupportTicket ticket, String problemType) {}
