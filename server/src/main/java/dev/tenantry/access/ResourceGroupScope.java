package dev.tenantry.access;

import dev.tenantry.shared.TenantId;
import java.util.Optional;
import java.util.UUID;

/** The scope of a resource group in a cloud subscription; {@code name} as the group is stored (its own casing). */
public record ResourceGroupScope(TenantId tenantId, UUID subscriptionId, String name) implements AccessScope {

    @Override
    public String path() {
        return RoleAssignment.scopeOf(subscriptionId, name);
    }

    @Override
    public SubscriptionScope subscription() {
        return new SubscriptionScope(tenantId, subscriptionId);
    }

    @Override
    public Optional<String> resourceGroupName() {
        return Optional.of(name);
    }
}
