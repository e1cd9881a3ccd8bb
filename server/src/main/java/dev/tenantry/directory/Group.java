package dev.tenantry.directory;

import dev.tenantry.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A group of the directory (issue 9): a security group ({@code securityEnabled}) or a Microsoft 365 group
 * ({@code unified}: {@code groupTypes ["Unified"]}, mail-enabled, with a mailbox address). Members are users and,
 * for security groups, other groups; owners are users.
 */
public record Group(
        UUID id,
        TenantId tenantId,
        String displayName,
        String description,
        String mailNickname,
        String mail,
        boolean mailEnabled,
        boolean securityEnabled,
        boolean unified,
        String visibility,
        Instant createdAt)
        implements DirectoryObject {

    /** Graph's {@code groupTypes} value of a Microsoft 365 group. */
    public static final String UNIFIED = "Unified";

    @Override
    public UUID objectId() {
        return id;
    }

    /** Graph's {@code groupTypes}: {@code ["Unified"]} for a Microsoft 365 group, otherwise empty. */
    public List<String> groupTypes() {
        return unified ? List.of(UNIFIED) : List.of();
    }

    /** The keyset position of this group in a list ordered by display name: the lower-cased name, a NUL, the id. */
    public String displayNameKey() {
        return displayName.toLowerCase(Locale.ROOT) + "\u0000" + id;
    }

    public Group withChanges(
            String newDisplayName, String newDescription, String newMailNickname, String newVisibility) {
        return new Group(
                id,
                tenantId,
                newDisplayName,
                newDescription,
                newMailNickname,
                mail,
                mailEnabled,
                securityEnabled,
                unified,
                newVisibility,
                createdAt);
    }
}
