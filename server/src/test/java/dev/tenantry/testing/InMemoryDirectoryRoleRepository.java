package dev.tenantry.testing;

import dev.tenantry.directory.DirectoryRole;
import dev.tenantry.directory.DirectoryRoleRepository;
import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Activated directory roles and their members in maps; member lists are in SQL UUID order. */
public final class InMemoryDirectoryRoleRepository implements DirectoryRoleRepository, Restorable {

    private static final Comparator<UserId> BY_ID = Comparator.comparing(UserId::value, Uuids.SQL_ORDER);

    private final Map<UUID, DirectoryRole> roles = new HashMap<>();
    private final Map<UUID, Set<UserId>> members = new HashMap<>();

    @Override
    public DirectoryRole activate(TenantId tenantId, DirectoryRoleTemplate template) {
        return roles.values().stream()
                .filter(r -> r.tenantId().equals(tenantId) && r.template() == template)
                .findFirst()
                .orElseGet(() -> {
                    DirectoryRole role = new DirectoryRole(UUID.randomUUID(), tenantId, template);
                    roles.put(role.id(), role);
                    return role;
                });
    }

    @Override
    public List<DirectoryRole> activated(TenantId tenantId) {
        return roles.values().stream()
                .filter(r -> r.tenantId().equals(tenantId))
                .sorted(Comparator.comparing(DirectoryRole::template))
                .toList();
    }

    @Override
    public Optional<DirectoryRole> findById(TenantId tenantId, UUID roleId) {
        return Optional.ofNullable(roles.get(roleId)).filter(r -> r.tenantId().equals(tenantId));
    }

    @Override
    public boolean addMember(DirectoryRole role, UserId userId) {
        return members.computeIfAbsent(role.id(), id -> new HashSet<>()).add(userId);
    }

    @Override
    public boolean removeMember(DirectoryRole role, UserId userId) {
        return members.getOrDefault(role.id(), Set.of()).remove(userId);
    }

    @Override
    public List<UserId> members(DirectoryRole role) {
        return members.getOrDefault(role.id(), Set.of()).stream().sorted(BY_ID).toList();
    }

    @Override
    public Set<DirectoryRoleTemplate> rolesOf(TenantId tenantId, UserId userId) {
        Set<DirectoryRoleTemplate> held = EnumSet.noneOf(DirectoryRoleTemplate.class);
        activated(tenantId).stream()
                .filter(r -> members.getOrDefault(r.id(), Set.of()).contains(userId))
                .forEach(r -> held.add(r.template()));
        return held;
    }

    @Override
    public List<UserId> holders(TenantId tenantId, Set<DirectoryRoleTemplate> templates) {
        return activated(tenantId).stream()
                .filter(r -> templates.contains(r.template()))
                .flatMap(r -> members.getOrDefault(r.id(), Set.of()).stream())
                .distinct()
                .sorted(BY_ID)
                .toList();
    }

    /** Drops every membership of a deleted user, as the SQL cascade does. */
    public void forget(UserId userId) {
        members.values().forEach(held -> held.remove(userId));
    }

    @Override
    public Runnable snapshot() {
        return Restorable.all(Restorable.copyOf(roles), Restorable.copyOf(members, HashSet::new));
    }
}
