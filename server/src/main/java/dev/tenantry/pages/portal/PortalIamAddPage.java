package dev.tenantry.pages.portal;

import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.ConsoleNav;
import java.util.List;

/**
 * Model of portal/iam-add.jte: "Add role assignment" — pick a role, then a user, group or service principal of the
 * directory found by name.
 */
public record PortalIamAddPage(
        Chrome chrome,
        ConsoleNav nav,
        SubscriptionHeader header,
        PortalIamPage.Scope scope,
        List<Role> roles,
        String role,
        String search,
        List<PortalIamPage.Principal> candidates,
        String error) {

    public PortalIamAddPage {
        roles = List.copyOf(roles);
        candidates = List.copyOf(candidates);
    }

    /** A role to pick: its form value, name and description, and whether it is the one picked. */
    public record Role(String value, String name, String description, boolean selected) {}
}
