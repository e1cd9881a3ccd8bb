package dev.tenantry.testing;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import dev.tenantry.subscriptions.LicenceAssignment;
import dev.tenantry.subscriptions.LicenceRepository;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Licence assignments in a map keyed by user and SKU, behaving as {@code JdbiLicenceRepository}. */
public final class InMemoryLicenceRepository implements LicenceRepository, Restorable {

    private final Map<List<UUID>, LicenceAssignment> assignments = new HashMap<>();

    @Override
    public void save(LicenceAssignment assignment) {
        assignments.merge(
                key(assignment.userId(), assignment.skuId()),
                assignment,
                (held, changed) -> new LicenceAssignment(
                        held.tenantId(), held.userId(), held.skuId(), changed.disabledPlans(), held.assignedAt()));
    }

    @Override
    public boolean remove(TenantId tenantId, UserId userId, UUID skuId) {
        LicenceAssignment held = assignments.get(key(userId, skuId));
        return held != null && held.tenantId().equals(tenantId) && assignments.remove(key(userId, skuId)) != null;
    }

    @Override
    public List<LicenceAssignment> byUser(TenantId tenantId, UserId userId) {
        return assignments.values().stream()
                .filter(a -> a.tenantId().equals(tenantId) && a.userId().equals(userId))
                .sorted(Comparator.comparing(LicenceAssignment::skuId, Uuids.SQL_ORDER))
                .toList();
    }

    @Override
    public int removeSku(TenantId tenantId, UUID skuId) {
        int before = assignments.size();
        assignments
                .values()
                .removeIf(a -> a.tenantId().equals(tenantId) && a.skuId().equals(skuId));
        return before - assignments.size();
    }

    @Override
    public Map<UUID, Integer> assignedBySku(TenantId tenantId) {
        return assignments.values().stream()
                .filter(a -> a.tenantId().equals(tenantId))
                .collect(Collectors.groupingBy(LicenceAssignment::skuId, Collectors.summingInt(a -> 1)));
    }

    /** Frees the seats of a deleted user, as the SQL foreign key does. */
    public void forget(UserId userId) {
        assignments.values().removeIf(a -> a.userId().equals(userId));
    }

    private static List<UUID> key(UserId userId, UUID skuId) {
        return List.of(userId.value(), skuId);
    }

    @Override
    public Runnable snapshot() {
        return Restorable.copyOf(assignments);
    }
}
