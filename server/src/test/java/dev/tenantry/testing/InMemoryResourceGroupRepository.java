package dev.tenantry.testing;

import dev.tenantry.subscriptions.ResourceGroup;
import dev.tenantry.subscriptions.ResourceGroupRepository;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Resource groups in a map keyed by subscription and lower-cased name; as in SQL, an upsert of an existing group
 * changes only its tags.
 */
public final class InMemoryResourceGroupRepository implements ResourceGroupRepository, Restorable {

    private record Key(UUID subscriptionId, String nameKey) {}

    private final Map<Key, ResourceGroup> groups = new HashMap<>();

    @Override
    public boolean upsert(ResourceGroup group) {
        Key key = key(group.subscriptionId(), group.name());
        ResourceGroup existing = groups.get(key);
        if (existing != null) {
            groups.put(
                    key,
                    new ResourceGroup(
                            existing.subscriptionId(),
                            existing.name(),
                            existing.location(),
                            group.tags(),
                            existing.createdAt()));
            return false;
        }
        groups.put(key, group);
        return true;
    }

    @Override
    public Optional<ResourceGroup> find(UUID subscriptionId, String name) {
        return Optional.ofNullable(groups.get(key(subscriptionId, name)));
    }

    @Override
    public List<ResourceGroup> list(UUID subscriptionId) {
        return groups.entrySet().stream()
                .filter(e -> e.getKey().subscriptionId().equals(subscriptionId))
                .sorted(Comparator.comparing(e -> e.getKey().nameKey()))
                .map(Map.Entry::getValue)
                .toList();
    }

    @Override
    public boolean delete(UUID subscriptionId, String name) {
        return groups.remove(key(subscriptionId, name)) != null;
    }

    private static Key key(UUID subscriptionId, String name) {
        return new Key(subscriptionId, name.toLowerCase(Locale.ROOT));
    }

    @Override
    public Runnable snapshot() {
        return Restorable.copyOf(groups);
    }
}
