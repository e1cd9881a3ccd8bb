package dev.tenantry.subscriptions;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.time.Instant;
import java.util.UUID;

/** An Azure-style subscription: created under one directory (R1), owned by one of its users (R4). */
public record CloudSubscription(
        UUID id,
        TenantId tenantId,
        String displayName,
        String offerId,
        State state,
        UserId accountAdministrator,
        Instant createdAt)
        implements Subscription {

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
