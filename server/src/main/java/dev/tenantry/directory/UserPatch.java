package dev.tenantry.directory;

/** A partial update of a user: null fields stay as they are. */
public record UserPatch(
        String displayName,
        String givenName,
        String surname,
        String mail,
        Boolean accountEnabled,
        String usageLocation,
        String jobTitle,
        String password) {}
