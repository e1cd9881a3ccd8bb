package dev.tenantry.pages.store;

import dev.tenantry.pages.Chrome;
import java.util.List;

/**
 * Model of store/roleRequired.jte: an order refused for a missing role (R6), with the roles that would allow it and
 * the people in the directory who hold them.
 */
public record RoleRequiredPage(Chrome chrome, String message, List<String> requiredRoles, List<Holder> holders) {

    /** A user of the directory who holds one of the roles. */
    public record Holder(String displayName, String userPrincipalName) {}
}
