package dev.tenantry.subscriptions;

import dev.tenantry.shared.TenantId;
import java.time.Instant;
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

    /** Stores the seats, state, trial and state end of the subscription with this id; false when there is none. */
    boolean update(SuiteSubscription subscription);

    /**
     * At most {@code limit} subscriptions of any directory whose state has run out at {@code now} ({@code stateEndsAt}
     * not after it), the longest overdue first: the lifecycle job's work list, read without locks.
     */
    List<SuiteSubscription> dueBy(Instant now, int limit);
}
