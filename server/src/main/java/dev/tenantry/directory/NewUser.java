package dev.tenantry.directory;

/**
 * What it takes to create a user. {@code userPrincipalName} may be a bare alias ({@code kelley}), completed with
 * the directory's initial domain, or a full name in one of the directory's domains.
 */
public record NewUser(
        String displayName,
        String userPrincipalName,
        String password,
        String givenName,
        String surname,
        String mailNickname,
        Boolean accountEnabled,
        String usageLocation,
        String jobTitle) {

    public static NewUser of(String displayName, String userPrincipalName, String password) {
        return new NewUser(displayName, userPrincipalName, password, null, null, null, null, null, null);
    }
}
