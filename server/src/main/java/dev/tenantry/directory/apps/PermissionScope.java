package dev.tenantry.directory.apps;

import java.util.Objects;
import java.util.UUID;

/**
 * A delegated permission an API offers (Graph's {@code permissionScope} in {@code api.oauth2PermissionScopes}): its
 * {@code value} is what a client asks for ({@code api://…/access_as_user}) and what {@code scp} carries; {@code type}
 * {@code User} lets a user consent, {@code Admin} needs an administrator's consent.
 */
public record PermissionScope(
        UUID id,
        String value,
        String type,
        String adminConsentDisplayName,
        String adminConsentDescription,
        String userConsentDisplayName,
        String userConsentDescription,
        boolean enabled) {

    public static final String USER = "User";
    public static final String ADMIN = "Admin";

    public PermissionScope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
    }

    /** Whether only an administrator may consent to it. */
    public boolean adminOnly() {
        return !USER.equals(type);
    }
}
