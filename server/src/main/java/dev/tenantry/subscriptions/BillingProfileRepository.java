package dev.tenantry.subscriptions;

import dev.tenantry.shared.TenantId;
import java.util.Optional;
import java.util.UUID;

/** Stores billing profiles, one per subscription. */
public interface BillingProfileRepository {

    void insert(TenantId tenantId, BillingProfile profile);

    Optional<BillingProfile> findBySubscription(UUID subscriptionId);

    /** Whether the directory has a billing profile on any of its subscriptions. */
    boolean existsForTenant(TenantId tenantId);
}
