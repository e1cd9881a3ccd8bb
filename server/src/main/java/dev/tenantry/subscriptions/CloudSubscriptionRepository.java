package dev.tenantry.subscriptions;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
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

    /** Makes {@code accountAdministrator} the subscription's account administrator (R4); false when there is none. */
    boolean updateAccountAdministrator(UUID id, UserId accountAdministrator);
}
