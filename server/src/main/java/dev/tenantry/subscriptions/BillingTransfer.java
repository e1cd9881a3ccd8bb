package dev.tenantry.subscriptions;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A request by a cloud subscription's account administrator to hand its billing ownership (R4) to another user of
 * the directory: only the named recipient accepts it, once, before it expires; the sender may cancel it.
 */
public record BillingTransfer(
        UUID id,
        UUID subscriptionId,
        TenantId tenantId,
        UserId senderId,
        UserId recipientId,
        State state,
        Instant createdAt,
        Instant expiresAt,
        Instant completedAt) {

    /** How long a recipient has to accept, as Azure's transfer requests. */
    public static final Duration VALIDITY = Duration.ofDays(7);

    /** A stored transfer's state; an expired one is a pending one past {@link #expiresAt}. */
    public enum State {
        PENDING("Pending"),
        ACCEPTED("Completed"),
        CANCELLED("Cancelled"),
        EXPIRED("Expired");

        private final String displayName;

        State(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }

    /** The state as of {@code now}: a pending transfer past its expiry is expired. */
    public State stateAt(Instant now) {
        return state == State.PENDING && !now.isBefore(expiresAt) ? State.EXPIRED : state;
    }

    /** This transfer ended in {@code newState} at {@code at}. */
    public BillingTransfer completed(State newState, Instant at) {
        return new BillingTransfer(
                id, subscriptionId, tenantId, senderId, recipientId, newState, createdAt, expiresAt, at);
    }
}
