package dev.tenantry.subscriptions;

import dev.tenantry.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An Office-365-style subscription: owned by the directory itself (R5), handing out seats of one SKU. Its seats are
 * counted in the column of its state (Graph's {@code prepaidUnits}); {@code stateEndsAt} is when the current state
 * runs out and the next one of {@link SuiteLifecycle} starts, null while it lasts until someone acts.
 */
public record SuiteSubscription(
        UUID id,
        TenantId tenantId,
        UUID skuId,
        String skuPartNumber,
        int seatsEnabled,
        int seatsSuspended,
        int seatsWarning,
        State state,
        boolean trial,
        Instant trialEndsAt,
        Instant createdAt,
        Instant stateEndsAt)
        implements Subscription {

    /** A subscription whose state ends as a new one's does: an enabled trial at its end, nothing else. */
    public SuiteSubscription(
            UUID id,
            TenantId tenantId,
            UUID skuId,
            String skuPartNumber,
            int seatsEnabled,
            int seatsSuspended,
            int seatsWarning,
            State state,
            boolean trial,
            Instant trialEndsAt,
            Instant createdAt) {
        this(
                id,
                tenantId,
                skuId,
                skuPartNumber,
                seatsEnabled,
                seatsSuspended,
                seatsWarning,
                state,
                trial,
                trialEndsAt,
                createdAt,
                state == State.ENABLED && trial ? trialEndsAt : null);
    }

    /** The lifecycle states of a suite subscription, as Graph's capabilityStatus names them. */
    public enum State {
        ENABLED("Enabled"),
        WARNING("Warning"),
        SUSPENDED("Suspended"),
        DELETED("Deleted");

        private final String graphName;

        State(String graphName) {
            this.graphName = graphName;
        }

        public String graphName() {
            return graphName;
        }

        /** The state that follows this one when it runs out; DELETED is the last. */
        State next() {
            return switch (this) {
                case ENABLED -> WARNING;
                case WARNING -> SUSPENDED;
                case SUSPENDED, DELETED -> DELETED;
            };
        }
    }

    /** The seats bought, whatever state counts them. */
    public int seats() {
        return seatsEnabled + seatsSuspended + seatsWarning;
    }

    /** Whether the current state has run out at {@code now}. */
    public boolean isDue(Instant now) {
        return stateEndsAt != null && !stateEndsAt.isAfter(now);
    }

    /** This subscription from {@code now} in {@code next}: its seats move to that state's count (none once deleted). */
    SuiteSubscription enter(State next, Instant now) {
        int seats = next == State.DELETED ? 0 : seats();
        Duration length = SuiteLifecycle.lengthOf(next);
        Instant endsAt = length != null ? now.plus(length) : next == State.ENABLED && trial ? trialEndsAt : null;
        return new SuiteSubscription(
                id,
                tenantId,
                skuId,
                skuPartNumber,
                next == State.ENABLED ? seats : 0,
                next == State.SUSPENDED ? seats : 0,
                next == State.WARNING ? seats : 0,
                next,
                trial,
                trialEndsAt,
                createdAt,
                endsAt);
    }

    /** This enabled subscription with {@code seats} seats. */
    SuiteSubscription withSeats(int seats) {
        return new SuiteSubscription(
                id, tenantId, skuId, skuPartNumber, seats, 0, 0, state, trial, trialEndsAt, createdAt, stateEndsAt);
    }

    /** This trial turned into a paid subscription, enabled from {@code now} until someone cancels it. */
    SuiteSubscription paid(Instant now) {
        return new SuiteSubscription(
                        id,
                        tenantId,
                        skuId,
                        skuPartNumber,
                        seatsEnabled,
                        seatsSuspended,
                        seatsWarning,
                        state,
                        false,
                        null,
                        createdAt,
                        null)
                .enter(State.ENABLED, now);
    }
}
