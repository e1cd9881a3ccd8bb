package dev.tenantry.subscriptions;

import dev.tenantry.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores suite subscriptions. */
public interface SuiteSubscriptionRepository {

    void insert(SuiteSubscription subscription);

    Optional<SuiteSubscription> findById(TenantId tenantId, UUID id);

    /** The directory's suite subscriptions, oldest first. */
    List<SuiteSubscription> byTenant(TenantId tenantId);
}
