package dev.tenantry.directory;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.time.Instant;

/** A user of exactly one home directory (R2). The password hash is kept apart and never leaves the store. */
public record User(
        UserId id,
        TenantId tenantId,
        String userPrincipalName,
        String displayName,
        String givenName,
        String surname,
        String mail,
        String mailNickname,
        boolean accountEnabled,
        String usageLocation,
        UserType userType,
        String jobTitle,
        Instant createdAt)
        implements DirectoryObject {

    @Override
    public java.util.UUID objectId() {
        return id.value();
    }

    /** The keyset position of this user in a list ordered by display name: the lower-cased name, a NUL, the id. */
    public String displayNameKey() {
        return displayName.toLowerCase(java.util.Locale.ROOT) + "\u0000" + id;
    }

    /** The text a user principal name is unique by: lower-cased, as sign-in is case-insensitive. */
    public static String upnKey(String userPrincipalName) {
        return userPrincipalName.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
