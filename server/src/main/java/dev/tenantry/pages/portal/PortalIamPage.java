package dev.tenantry.pages.portal;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import java.util.List;

/**
 * Model of portal/iam.jte: "Access control (IAM)" of a subscription or one of its resource groups — its role
 * assignments, whether the caller may change them, and "Check access" for one user.
 */
public record PortalIamPage(
        Chrome chrome,
        ConsoleNav nav,
        SubscriptionHeader header,
        Scope scope,
        boolean manage,
        List<Row> rows,
        String notice,
        Check check) {

    public PortalIamPage {
        rows = List.copyOf(rows);
    }

    /** Where the page is: the ARM scope, a label, the resource group (null at subscription scope), its IAM path. */
    public record Scope(String path, String label, String resourceGroup, String base) {}

    /**
     * One role assignment: its principal, role, the scope it was made at, "This resource" or "Inherited", and where to
     * remove it (null when inherited or when the caller may not).
     */
    public record Row(
            String id,
            String principalName,
            String principalDetail,
            String principalType,
            String role,
            String scope,
            boolean inherited,
            String removeHref) {

        public String where() {
            return inherited ? "Inherited" : "This resource";
        }
    }

    /** A principal as the pages show it: its id, name, a detail (UPN, "Group", app id) and ARM's type name. */
    public record Principal(String id, String name, String detail, String type) {}

    /** "Check access": the search, the users found, and the chosen user's effective roles (null until one is chosen). */
    public record Check(String search, List<Principal> candidates, Result result) {

        public Check {
            candidates = List.copyOf(candidates);
        }
    }

    /** One user's effective roles at the scope, each with where it comes from. */
    public record Result(Principal user, List<Effective> roles) {

        public Result {
            roles = List.copyOf(roles);
        }
    }

    /** A role that applies: at which scope, inherited or not, and through which group (null: assigned directly). */
    public record Effective(String role, String scope, boolean inherited, String viaGroup) {

        public String source() {
            return viaGroup == null ? "Assigned directly" : "Through group " + viaGroup;
        }

        public String where() {
            return inherited ? "Inherited" : "This resource";
        }
    }
}
