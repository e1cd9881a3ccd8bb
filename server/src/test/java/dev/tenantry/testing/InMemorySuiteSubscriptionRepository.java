package dev.tenantry.testing;

import dev.tenantry.shared.TenantId;
import dev.tenantry.subscriptions.SuiteSubscription;
import dev.tenantry.subscriptions.SuiteSubscriptionRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Suite subscriptions in a map; a directory's list is oldest first. */
public final class InMemorySuiteSubscriptionRepository implements SuiteSubscriptionRepository, Restorable {

    private final Map<UUID, SuiteSubscription> subscriptions = new HashMap<>();

    @Override
    public void insert(SuiteSubscription subscription) {
        if (subscriptions.putIfAbsent(subscription.id(), subscription) != null) {
            throw new IllegalStateException("duplicate subscription id " + subscription.id());
        }
    }

    @Override
    public Optional<SuiteSubscription> findById(TenantId tenantId, UUID id) {
        return Optional.ofNullable(subscriptions.get(id))
                .filter(s -> s.tenantId().equals(tenantId));
    }

    @Override
    public List<SuiteSubscription> byTenant(TenantId tenantId) {
        return subscriptions.values().stream()
                .filter(s -> s.tenantId().equals(tenantId))
                .sorted(Comparator.comparing(SuiteSubscription::createdAt)
                        .thenComparing(SuiteSubscription::id, Uuids.SQL_ORDER))
                .toList();
    }

    @Override
    public List<SuiteSubscription> lockBySku(TenantId tenantId, UUID skuId) {
        // one thread at a time uses a fake world: nothing to serialise
        return byTenant(tenantId).stream().filter(s -> s.skuId().equals(skuId)).toList();
    }

    @Override
    public boolean update(SuiteSubscription subscription) {
        return subscriptions.replace(subscription.id(), subscription) != null;
    }

    @Override
    public List<SuiteSubscription> dueBy(Instant now, int limit) {
        return subscriptions.values().stream()
                .filter(s -> s.isDue(now))
                .sorted(Comparator.comparing(SuiteSubscription::stateEndsAt)
                        .thenComparing(SuiteSubscription::id, Uuids.SQL_ORDER))
                .limit(limit)
                .toList();
    }

    /** Every stored suite subscription, in any directory. */
    public List<SuiteSubscription> all() {
        return List.copyOf(subscriptions.values());
    }

    @Override
    public Runnable snapshot() {
        return Restorable.copyOf(subscriptions);
    }
}
