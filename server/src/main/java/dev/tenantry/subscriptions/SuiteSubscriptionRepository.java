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

    /**
     * The directory's suite subscriptions of {@code skuId}, locked until the transaction ends: a rule that counts
     * their seats (R13) reads them after every other transaction that counts them has finished.
     */
    List<SuiteSubscription> lockBySku(TenantId tenantId, UUID skuId);
}
