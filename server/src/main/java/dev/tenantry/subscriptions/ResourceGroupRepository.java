package dev.tenantry.subscriptions;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores resource groups; names are unique per subscription, compared case-insensitively as in ARM. */
public interface ResourceGroupRepository {

    /** Inserts or replaces the group's location and tags; true when it was created. */
    boolean upsert(ResourceGroup group);

    Optional<ResourceGroup> find(UUID subscriptionId, String name);

    /** The subscription's groups ordered by name. */
    List<ResourceGroup> list(UUID subscriptionId);

    boolean delete(UUID subscriptionId, String name);
}
