package dev.tenantry.subscriptions;

import dev.tenantry.shared.TenantId;
import java.time.Instant;
import java.util.UUID;

/** An Office-365-style subscription: owned by the directory itself (R5), handing out seats of one SKU. */
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
        Instant createdAt)
        implements Subscription {

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
    }
}
