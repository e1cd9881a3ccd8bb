package dev.tenantry.testing;

import dev.tenantry.shared.TenantId;
import dev.tenantry.subscriptions.BillingProfile;
import dev.tenantry.subscriptions.BillingProfileRepository;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Billing profiles in a map, one per subscription. */
public final class InMemoryBillingProfileRepository implements BillingProfileRepository, Restorable {

    private final Map<UUID, BillingProfile> profiles = new HashMap<>();
    private final Map<UUID, TenantId> tenants = new HashMap<>();

    @Override
    public void insert(TenantId tenantId, BillingProfile profile) {
        profiles.put(profile.subscriptionId(), profile);
        tenants.put(profile.subscriptionId(), tenantId);
    }

    @Override
    public Optional<BillingProfile> findBySubscription(UUID subscriptionId) {
        return Optional.ofNullable(profiles.get(subscriptionId));
    }

    @Override
    public boolean existsForTenant(TenantId tenantId) {
        return tenants.containsValue(tenantId);
    }

    /** The directory a stored profile was filed under. */
    public Optional<TenantId> tenantOf(UUID subscriptionId) {
        return Optional.ofNullable(tenants.get(subscriptionId));
    }

    @Override
    public Runnable snapshot() {
        return Restorable.all(Restorable.copyOf(profiles), Restorable.copyOf(tenants));
    }
}
