package dev.tenantry.pages.admincenter;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import dev.tenantry.pages.LicenceViews.Problem;
import java.util.List;

/**
 * Model of admincenter/license.jte: one product of "Billing / Licenses" (issue 9) with who holds it (directly or by
 * which group, and who is in error), the "Assign licences" picker, a notice after a change, and a refusal of the form.
 */
public record LicensePage(
        Chrome chrome,
        ConsoleNav nav,
        LicensesPage.Product product,
        List<Holder> holders,
        Picker picker,
        String notice,
        String error) {

    public LicensePage {
        holders = List.copyOf(holders);
    }

    /**
     * One path by which a user holds the product: directly (removable here) or through a group ({@code group} names
     * it, and the group is where it changes), with the problem that keeps it from working.
     */
    public record Holder(
            String userId,
            String displayName,
            String userPrincipalName,
            String groupId,
            String group,
            Problem problem) {

        public boolean direct() {
            return group == null;
        }
    }

    /** The users offered to "Assign licences": the search, the users found (or refused), and the next page. */
    public record Picker(String search, List<Candidate> candidates, String nextHref) {

        public Picker {
            candidates = List.copyOf(candidates);
        }
    }

    /** A user to pick, by UPN; checked again and with the refusal next to it when its assignment failed. */
    public record Candidate(String userPrincipalName, String displayName, boolean checked, Problem problem) {}
}
