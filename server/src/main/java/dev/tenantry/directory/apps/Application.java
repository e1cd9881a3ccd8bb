package dev.tenantry.directory.apps;

import dev.tenantry.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An app registration: its object id, the {@code appId} (client id) clients use, its client secrets, and which group
 * memberships its tokens carry ({@code groupMembershipClaims}; null when never set, as Graph shows a new app).
 */
public record Application(
        UUID id,
        TenantId tenantId,
        UUID appId,
        String displayName,
        Instant createdAt,
        List<ClientSecret> passwordCredentials,
        GroupMembershipClaims groupMembershipClaims) {

    public Application {
        passwordCredentials = List.copyOf(passwordCredentials);
    }

    /** A new registration that never set {@code groupMembershipClaims}. */
    public Application(
            UUID id,
            TenantId tenantId,
            UUID appId,
            String displayName,
            Instant createdAt,
            List<ClientSecret> passwordCredentials) {
        this(id, tenantId, appId, displayName, createdAt, passwordCredentials, null);
    }

    /** The group claims its tokens carry: {@link GroupMembershipClaims#NONE} when never set. */
    public GroupMembershipClaims groupClaims() {
        return groupMembershipClaims == null ? GroupMembershipClaims.NONE : groupMembershipClaims;
    }

    public Application withChanges(String newDisplayName, GroupMembershipClaims newGroupMembershipClaims) {
        return new Application(
                id, tenantId, appId, newDisplayName, createdAt, passwordCredentials, newGroupMembershipClaims);
    }
}
