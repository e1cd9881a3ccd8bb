package dev.tenantry.directory;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A fake {@link DirectoryRoleRepository} over maps, for unit tests of services. */
public final class InMemoryDirectoryRoleRepository implements DirectoryRoleRepository {

    private final Map<String, DirectoryRole> roles = new HashMap<>();
    private final Map<UUID, Set<UserId>> members = new HashMap<>();

    @Override
    public DirectoryRole activate(TenantId tenantId, DirectoryRoleTemplate template) {
        return roles.computeIfAbsent(
                tenantId + "/" + template, key -> new DirectoryRole(UUID.randomUUID(), tenantId, template));
    }

    @Override
    public List<DirectoryRole> activated(TenantId tenantId) {
        return roles.values().stream()
                .filter(r -> r.tenantId().equals(tenantId))
                .toList();
    }

    @Override
    public Optional<DirectoryRole> findById(TenantId tenantId, UUID roleId) {
        return activated(tenantId).stream().filter(r -> r.id().equals(roleId)).findFirst();
    }

    @Override
    public boolean addMember(DirectoryRole role, UserId userId) {
        return members.computeIfAbsent(role.id(), id -> new HashSet<>()).add(userId);
    }

    @Override
    public boolean removeMember(DirectoryRole role, UserId userId) {
        return members.getOrDefault(role.id(), new HashSet<>()).remove(userId);
    }

    @Override
    public List<UserId> members(DirectoryRole role) {
        return List.copyOf(members.getOrDefault(role.id(), Set.of()));
    }

    @Override
    public Set<DirectoryRoleTemplate> rolesOf(TenantId tenantId, UserId userId) {
        Set<DirectoryRoleTemplate> held = new HashSet<>();
        for (DirectoryRole role : activated(tenantId)) {
            if (members.getOrDefault(role.id(), Set.of()).contains(userId)) {
                held.add(role.template());
            }
        }
        return held;
    }

    @Override
    public List<UserId> holders(TenantId tenantId, Set<DirectoryRoleTemplate> templates) {
        return activated(tenantId).stream()
                .filter(role -> templates.contains(role.template()))
                .flatMap(role -> members(role).stream())
                .distinct()
                .toList();
    }
}
