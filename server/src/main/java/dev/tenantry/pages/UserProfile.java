package dev.tenantry.pages;

import java.util.List;

/**
 * A user's profile as both consoles show it, with the directory roles the user holds (R10) and the groups it is a
 * direct member of.
 */
public record UserProfile(
        String id,
        String displayName,
        String userPrincipalName,
        String givenName,
        String surname,
        String usageLocation,
        boolean accountEnabled,
        String userType,
        String created,
        List<String> roles,
        List<Membership> groups) {

    public UserProfile {
        roles = List.copyOf(roles);
        groups = List.copyOf(groups);
    }

    /** A group the user is a member of: its id, name and type ("Security" or "Microsoft 365"). */
    public record Membership(String id, String displayName, String type) {}

    /** The "Directory role" field: the roles held, or "User" when none. */
    public String directoryRole() {
        return roles.isEmpty() ? "User" : String.join(", ", roles);
    }
}
