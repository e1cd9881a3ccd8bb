package dev.tenantry.subscriptions;

import dev.tenantry.shared.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores cloud subscriptions. */
public interface CloudSubscriptionRepository {

    void insert(CloudSubscription subscription);

    Optional<CloudSubscription> findById(UUID id);

    /** The subscriptions with these ids, ordered by id, at most {@code limit} after {@code after} (null: first). */
    List<CloudSubscription> findByIds(Collection<UUID> ids, UUID after, int limit);

    List<CloudSubscription> byTenant(TenantId tenantId);

    /**
     * The subscription, its row locked until the current transaction ends: the serialisation point of every change of
     * a subscription's directory, state or name. Call it inside a transaction.
     */
    Optional<CloudSubscription> lockById(UUID id);

    /** Stores the subscription's directory, name, state, account administrator and state end (by id). */
    void update(CloudSubscription subscription);

    /** At most {@code limit} enabled or disabled subscriptions whose state ran out by {@code now}, oldest end first. */
    List<CloudSubscription> dueBy(Instant now, int limit);
}
