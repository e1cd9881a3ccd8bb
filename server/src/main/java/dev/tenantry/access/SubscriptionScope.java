package dev.tenantry.access;

import dev.tenantry.shared.TenantId;
import java.util.UUID;

/** The scope of a cloud subscription: its id and the directory it lives in (R1). */
public record SubscriptionScope(TenantId tenantId, UUID subscriptionId) {

    /** The ARM scope string, {@code /subscriptions/{id}}. */
    public String path() {
        return "/subscriptions/" + subscriptionId;
    }
}
