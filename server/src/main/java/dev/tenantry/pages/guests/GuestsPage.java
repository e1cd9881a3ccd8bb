package dev.tenantry.pages.guests;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import java.util.List;

/**
 * Model of guests/list.jte: the directory's guests with their state, the invite form, and after an invitation the
 * redeem link to pass on ({@code redeemUrl}, shown once: it carries the single-use ticket).
 */
public record GuestsPage(
        Chrome chrome,
        ConsoleNav nav,
        String basePath,
        boolean directoryTabs,
        List<Row> rows,
        String notice,
        String redeemUrl,
        Form form,
        boolean membersCanInvite) {

    public GuestsPage {
        rows = List.copyOf(rows);
    }

    /** One guest: its object id, name, invited address, state and when that state began. */
    public record Row(String id, String displayName, String email, String state, String since, boolean pending) {}

    /** The invite form as posted, with the refusal of a field if any. */
    public record Form(String email, String displayName, String redirectUrl, String error) {

        public static Form empty() {
            return new Form("", "", "", null);
        }
    }
}
