package dev.tenantry.subscriptions;

import dev.tenantry.shared.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored classic role of a user on a cloud subscription: an explicitly chosen service administrator, or a
 * co-administrator. The account administrator is the subscription's own column; a subscription without a service
 * administrator grant has its account administrator as service administrator. {@code ownerAssignmentId} is the Owner
 * role assignment the grant gave the user, null when the user held Owner already (then removing the grant leaves it).
 */
public record ClassicAdministratorGrant(
        UUID subscriptionId, ClassicRole role, UserId userId, UUID ownerAssignmentId, Instant createdAt) {

    public ClassicAdministratorGrant {
        if (role == ClassicRole.ACCOUNT_ADMINISTRATOR) {
            throw new IllegalArgumentException("the account administrator is the subscription's own column");
        }
    }
}
