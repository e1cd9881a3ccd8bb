package dev.tenantry.testing;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import dev.tenantry.subscriptions.CloudSubscription;
import dev.tenantry.subscriptions.CloudSubscriptionRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Cloud subscriptions in a map; lists in SQL UUID order. */
public final class InMemoryCloudSubscriptionRepository implements CloudSubscriptionRepository, Restorable {

    private final Map<UUID, CloudSubscription> subscriptions = new HashMap<>();

    @Override
    public void insert(CloudSubscription subscription) {
        if (subscriptions.putIfAbsent(subscription.id(), subscription) != null) {
            throw new IllegalStateException("duplicate subscription id " + subscription.id());
        }
    }

    @Override
    public Optional<CloudSubscription> findById(UUID id) {
        return Optional.ofNullable(subscriptions.get(id));
    }

    @Override
    public List<CloudSubscription> findByIds(Collection<UUID> ids, UUID after, int limit) {
        return subscriptions.values().stream()
                .filter(s -> ids.contains(s.id()))
                .filter(s -> after == null || Uuids.SQL_ORDER.compare(s.id(), after) > 0)
                .sorted(Comparator.comparing(CloudSubscription::id, Uuids.SQL_ORDER))
                .limit(limit)
                .toList();
    }

    @Override
    public List<CloudSubscription> byTenant(TenantId tenantId) {
        return subscriptions.values().stream()
                .filter(s -> s.tenantId().equals(tenantId))
                .sorted(Comparator.comparing(CloudSubscription::createdAt)
                        .thenComparing(CloudSubscription::id, Uuids.SQL_ORDER))
                .toList();
    }

    @Override
    public Optional<CloudSubscription> lockById(UUID id) {
        return findById(id); // one thread at a time uses a fake world: nothing to serialise
    }

    @Override
    public void update(CloudSubscription subscription) {
        subscriptions.computeIfPresent(subscription.id(), (id, old) -> subscription);
    }

    @Override
    public List<CloudSubscription> dueBy(Instant now, int limit) {
        return subscriptions.values().stream()
                .filter(s ->
                        s.state() == CloudSubscription.State.ENABLED || s.state() == CloudSubscription.State.DISABLED)
                .filter(s -> s.isDue(now))
                .sorted(Comparator.comparing(CloudSubscription::stateEndsAt)
                        .thenComparing(CloudSubscription::id, Uuids.SQL_ORDER))
                .limit(limit)
                .toList();
    }

    /** Whether the user is the account administrator of a stored subscription. */
    public boolean administeredBy(UserId userId) {
        return subscriptions.values().stream()
                .anyMatch(s -> s.accountAdministrator().equals(userId));
    }

    /** Every stored cloud subscription, in any directory. */
    public List<CloudSubscription> all() {
        return List.copyOf(subscriptions.values());
    }

    @Override
    public Runnable snapshot() {
        return Restorable.copyOf(subscriptions);
    }
}
