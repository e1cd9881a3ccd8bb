package dev.tenantry.testing;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import dev.tenantry.subscriptions.GroupLicence;
import dev.tenantry.subscriptions.InheritedLicence;
import dev.tenantry.subscriptions.LicenceAssignment;
import dev.tenantry.subscriptions.LicenceRepository;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Licence assignments in a map keyed by user and SKU, behaving as {@code JdbiLicenceRepository}. */
public final class InMemoryLicenceRepository implements LicenceRepository, Restorable {

    private final Map<List<UUID>, LicenceAssignment> assignments = new HashMap<>();
    /** (group id, SKU id) → the group's licence. */
    private final Map<List<UUID>, GroupLicence> groupLicences = new HashMap<>();
    /** (user id, group id, SKU id) → what the user inherits. */
    private final Map<List<UUID>, InheritedLicence> inherited = new HashMap<>();

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
    public List<LicenceAssignment> bySku(TenantId tenantId, UUID skuId) {
        return assignments.values().stream()
                .filter(a -> a.tenantId().equals(tenantId) && a.skuId().equals(skuId))
                .sorted(Comparator.comparing((LicenceAssignment a) -> a.userId().value(), Uuids.SQL_ORDER))
                .toList();
    }

    @Override
    public List<InheritedLicence> inheritedOfSku(TenantId tenantId, UUID skuId) {
        return inherited.values().stream()
                .filter(i -> i.tenantId().equals(tenantId) && i.skuId().equals(skuId))
                .sorted(Comparator.comparing((InheritedLicence i) -> i.userId().value(), Uuids.SQL_ORDER)
                        .thenComparing(InheritedLicence::groupId, Uuids.SQL_ORDER))
                .toList();
    }

    @Override
    public int removeSku(TenantId tenantId, UUID skuId) {
        int before = assignments.size();
        assignments
                .values()
                .removeIf(a -> a.tenantId().equals(tenantId) && a.skuId().equals(skuId));
        groupLicences
                .values()
                .removeIf(l -> l.tenantId().equals(tenantId) && l.skuId().equals(skuId));
        inherited
                .values()
                .removeIf(i -> i.tenantId().equals(tenantId) && i.skuId().equals(skuId));
        return before - assignments.size();
    }

    @Override
    public Map<UUID, Integer> assignedBySku(TenantId tenantId) {
        Map<UUID, Set<UserId>> holders = new HashMap<>();
        assignments.values().stream().filter(a -> a.tenantId().equals(tenantId)).forEach(a -> holders.computeIfAbsent(
                        a.skuId(), sku -> new HashSet<>())
                .add(a.userId()));
        inherited.values().stream()
                .filter(i -> i.tenantId().equals(tenantId) && i.active())
                .forEach(i -> holders.computeIfAbsent(i.skuId(), sku -> new HashSet<>())
                        .add(i.userId()));
        return holders.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size()));
    }

    @Override
    public void saveGroupLicence(GroupLicence licence) {
        groupLicences.merge(
                List.of(licence.groupId(), licence.skuId()),
                licence,
                (held, changed) -> new GroupLicence(
                        held.tenantId(), held.groupId(), held.skuId(), changed.disabledPlans(), held.assignedAt()));
    }

    @Override
    public boolean removeGroupLicence(TenantId tenantId, UUID groupId, UUID skuId) {
        GroupLicence held = groupLicences.get(List.of(groupId, skuId));
        if (held == null || !held.tenantId().equals(tenantId)) {
            return false;
        }
        groupLicences.remove(List.of(groupId, skuId));
        inherited
                .values()
                .removeIf(i -> i.groupId().equals(groupId) && i.skuId().equals(skuId));
        return true;
    }

    @Override
    public List<GroupLicence> groupLicences(TenantId tenantId, UUID groupId) {
        return groupLicences.values().stream()
                .filter(l -> l.tenantId().equals(tenantId) && l.groupId().equals(groupId))
                .sorted(Comparator.comparing(GroupLicence::skuId, Uuids.SQL_ORDER))
                .toList();
    }

    @Override
    public List<InheritedLicence> inheritedBy(TenantId tenantId, UserId userId) {
        return inherited.values().stream()
                .filter(i -> i.tenantId().equals(tenantId) && i.userId().equals(userId))
                .sorted(Comparator.comparing(InheritedLicence::skuId, Uuids.SQL_ORDER)
                        .thenComparing(InheritedLicence::groupId, Uuids.SQL_ORDER))
                .toList();
    }

    @Override
    public List<InheritedLicence> inheritedFrom(TenantId tenantId, UUID groupId) {
        return inherited.values().stream()
                .filter(i -> i.tenantId().equals(tenantId) && i.groupId().equals(groupId))
                .sorted(Comparator.comparing((InheritedLicence i) -> i.userId().value(), Uuids.SQL_ORDER)
                        .thenComparing(InheritedLicence::skuId, Uuids.SQL_ORDER))
                .toList();
    }

    @Override
    public void replaceInherited(TenantId tenantId, UUID groupId, List<InheritedLicence> replacement) {
        inherited
                .values()
                .removeIf(i -> i.tenantId().equals(tenantId) && i.groupId().equals(groupId));
        replacement.forEach(i -> inherited.put(List.of(i.userId().value(), groupId, i.skuId()), i));
    }

    /** Frees the seats of a deleted user, as the SQL foreign key does. */
    public void forget(UserId userId) {
        assignments.values().removeIf(a -> a.userId().equals(userId));
        inherited.values().removeIf(i -> i.userId().equals(userId));
    }

    /** Drops a deleted group's licences and what its members inherited, as the SQL foreign keys do. */
    public void forgetGroup(UUID groupId) {
        groupLicences.values().removeIf(l -> l.groupId().equals(groupId));
        inherited.values().removeIf(i -> i.groupId().equals(groupId));
    }

    private static List<UUID> key(UserId userId, UUID skuId) {
        return List.of(userId.value(), skuId);
    }

    @Override
    public Runnable snapshot() {
        return Restorable.all(
                Restorable.copyOf(assignments), Restorable.copyOf(groupLicences), Restorable.copyOf(inherited));
    }
}
