package dev.tenantry.access;

import dev.tenantry.shared.TenantId;
import java.util.Optional;
import java.util.UUID;

/** The scope of a cloud subscription: its id and the directory it lives in (R1). */
public record SubscriptionScope(TenantId tenantId, UUID subscriptionId) implements AccessScope {

    /** The ARM scope string, {@code /subscriptions/{id}}. */
    @Override
    public String path() {
        return "/subscriptions/" + subscriptionId;
    }

    @Override
    public SubscriptionScope subscription() {
        return this;
    }

    @Override
    public Optional<String> resourceGroupName() {
        return Optional.empty();
    }

    /** The scope of one of this subscription's resource groups, {@code name} as the group is stored. */
    public ResourceGroupScope resourceGroup(String name) {
        return new ResourceGroupScope(tenantId, subscriptionId, name);
    }
}
