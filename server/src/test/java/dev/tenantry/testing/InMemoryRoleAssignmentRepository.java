package dev.tenantry.testing;

import dev.tenantry.access.AccessError;
import dev.tenantry.access.RoleAssignment;
import dev.tenantry.access.RoleAssignmentRepository;
import dev.tenantry.shared.ConflictException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Cloud role assignments in a map; one role per principal per scope, lists in SQL UUID order. */
public final class InMemoryRoleAssignmentRepository implements RoleAssignmentRepository, Restorable {

    private static final Comparator<RoleAssignment> BY_ID = Comparator.comparing(RoleAssignment::id, Uuids.SQL_ORDER);

    /** Keyed by subscription and name: a name is unique within its subscription only, as Azure scopes it. */
    private final Map<List<UUID>, RoleAssignment> assignments = new HashMap<>();

    @Override
    public void insert(RoleAssignment assignment) {
        boolean duplicate = assignments.containsKey(key(assignment.subscriptionId(), assignment.id()))
                || assignments.values().stream()
                        .anyMatch(a -> a.scope().equals(assignment.scope())
                                && a.role() == assignment.role()
                                && a.principalId().equals(assignment.principalId()));
        if (duplicate) {
            throw new ConflictException(
                    AccessError.ROLE_ASSIGNMENT_EXISTS,
                    "The principal already holds " + assignment.role().roleName() + " at " + assignment.scope() + ".");
        }
        assignments.put(key(assignment.subscriptionId(), assignment.id()), assignment);
    }

    @Override
    public Optional<RoleAssignment> findById(UUID subscriptionId, UUID id) {
        return Optional.ofNullable(assignments.get(key(subscriptionId, id)));
    }

    @Override
    public List<RoleAssignment> bySubscription(UUID subscriptionId) {
        return assignments.values().stream()
                .filter(a -> a.subscriptionId().equals(subscriptionId))
                .sorted(BY_ID)
                .toList();
    }

    @Override
    public List<RoleAssignment> byPrincipal(UUID principalId) {
        return assignments.values().stream()
                .filter(a -> a.principalId().equals(principalId))
                .sorted(BY_ID)
                .toList();
    }

    @Override
    public boolean delete(UUID subscriptionId, UUID id) {
        return assignments.remove(key(subscriptionId, id)) != null;
    }

    @Override
    public int deleteBySubscription(UUID subscriptionId) {
        List<List<UUID>> keys = assignments.keySet().stream()
                .filter(key -> key.get(0).equals(subscriptionId))
                .toList();
        keys.forEach(assignments::remove);
        return keys.size();
    }

    @Override
    public void lockSubscription(UUID subscriptionId) {
        // one thread at a time uses a fake world: nothing to serialise
    }

    private static List<UUID> key(UUID subscriptionId, UUID id) {
        return List.of(subscriptionId, id);
    }

    @Override
    public Runnable snapshot() {
        return Restorable.copyOf(assignments);
    }
}
