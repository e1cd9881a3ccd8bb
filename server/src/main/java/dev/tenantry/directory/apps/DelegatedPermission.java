package dev.tenantry.directory.apps;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Microsoft Graph's delegated permissions (its {@code oauth2PermissionScopes}) that applications may ask users for
 * here, with Graph's real ids, and whether only an administrator may consent to them.
 */
public enum DelegatedPermission {
    OPENID("openid", "37f7f235-527c-4136-accd-4a02d197296e", false, "Sign users in"),
    PROFILE("profile", "14dad69e-099b-42c9-810b-d002981feec1", false, "View users' basic profile"),
    EMAIL("email", "64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0", false, "View users' email address"),
    OFFLINE_ACCESS(
            "offline_access",
            "7427e0e9-2fba-42fe-b0c0-848c9e6a8182",
            false,
            "Maintain access to data you " + "have given it access to"),
    USER_READ("User.Read", "e1fe6dd8-ba31-4d61-89e7-88639da4683d", false, "Sign in and read user profile"),
    USER_READBASIC_ALL(
            "User.ReadBasic.All", "b340eb25-3456-403f-be2f-af7a0d370277", false, "Read all users' basic profiles"),
    GROUP_READ_ALL("Group.Read.All", "5f8c59db-677d-491f-a6b8-5f174b11ec1d", true, "Read all groups"),
    DIRECTORY_READ_ALL("Directory.Read.All", "06da0dbc-49e2-44d2-8312-53f166ab848a", true, "Read directory data");

    private final String value;
    private final UUID id;
    private final boolean adminOnly;
    private final String description;

    DelegatedPermission(String value, String id, boolean adminOnly, String description) {
        this.value = value;
        this.id = UUID.fromString(id);
        this.adminOnly = adminOnly;
        this.description = description;
    }

    /** The permission's name, as {@code scp} and {@code scope} carry it. */
    public String value() {
        return value;
    }

    public UUID id() {
        return id;
    }

    /** Whether only an administrator may consent (Graph's {@code type: Admin}). */
    public boolean adminOnly() {
        return adminOnly;
    }

    /** What the consent page says it lets the application do. */
    public String description() {
        return description;
    }

    /** Whether it is one of the OpenID Connect scopes rather than a Graph permission carried in {@code scp}. */
    public boolean oidc() {
        return this == OPENID || this == PROFILE || this == EMAIL || this == OFFLINE_ACCESS;
    }

    /** The permission named {@code name}, case-insensitively. */
    public static Optional<DelegatedPermission> byName(String name) {
        return Arrays.stream(values())
                .filter(p -> p.value.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
