package dev.tenantry.pages;

import java.util.List;

/** A user's profile as both consoles show it, with the directory roles the user holds (R10). */
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
        List<String> roles) {

    public UserProfile {
        roles = List.copyOf(roles);
    }

    /** The "Directory role" field: the roles held, or "User" when none. */
    public String directoryRole() {
        return roles.isEmpty() ? "User" : String.join(", ", roles);
    }
}
