package dev.tenantry.subscriptions;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * An Azure-style subscription: created under one directory (R1), owned by one of its users (R4). {@code stateEndsAt}
 * is when its state runs out ({@link CloudLifecycle}): a free trial's end while it is enabled, the end of the
 * retention period while it is disabled; null when the state lasts until someone acts.
 */
public record CloudSubscription(
        UUID id,
        TenantId tenantId,
        String displayName,
        String offerId,
        State state,
        UserId accountAdministrator,
        Instant createdAt,
        Instant stateEndsAt)
        implements Subscription {

    /** A subscription whose state lasts until someone acts. */
    public CloudSubscription(
            UUID id,
            TenantId tenantId,
            String displayName,
            String offerId,
            State state,
            UserId accountAdministrator,
            Instant createdAt) {
        this(id, tenantId, displayName, offerId, state, accountAdministrator, createdAt, null);
    }

    /** The same subscription in {@code next}, which lasts until {@code endsAt} (null: until someone acts). */
    public CloudSubscription enter(State next, Instant endsAt) {
        return new CloudSubscription(id, tenantId, displayName, offerId, next, accountAdministrator, createdAt, endsAt);
    }

    /** The same subscription under another name. */
    public CloudSubscription renamed(String name) {
        return new CloudSubscription(id, tenantId, name, offerId, state, accountAdministrator, createdAt, stateEndsAt);
    }

    /** R11: the same subscription in directory {@code target}, its account administrator acting as {@code admin}. */
    public CloudSubscription movedTo(TenantId target, UserId admin) {
        return new CloudSubscription(id, target, displayName, offerId, state, admin, createdAt, stateEndsAt);
    }

    /** R4: the same subscription with {@code admin} as its account administrator (a billing ownership transfer). */
    public CloudSubscription ownedBy(UserId admin) {
        return new CloudSubscription(id, tenantId, displayName, offerId, state, admin, createdAt, stateEndsAt);
    }

    /** Whether its state has run out by {@code now}. */
    public boolean isDue(Instant now) {
        return stateEndsAt != null && !stateEndsAt.isAfter(now);
    }

    /** ARM's subscription states. */
    public enum State {
        ENABLED("Enabled"),
        WARNED("Warned"),
        PAST_DUE("PastDue"),
        DISABLED("Disabled"),
        DELETED("Deleted");

        private final String armName;

        State(String armName) {
            this.armName = armName;
        }

        public String armName() {
            return armName;
        }
    }
}
