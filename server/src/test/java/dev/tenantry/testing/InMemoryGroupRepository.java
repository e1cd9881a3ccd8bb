package dev.tenantry.testing;

import dev.tenantry.directory.DirectoryObject;
import dev.tenantry.directory.Group;
import dev.tenantry.directory.GroupFilter;
import dev.tenantry.directory.GroupRepository;
import dev.tenantry.directory.User;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Groups in maps, behaving as {@code JdbiGroupRepository}: members and owners are links by id, resolved to the
 * current user or group when read; deleting a group or a user ({@link #forget}) drops its links, as the SQL foreign
 * keys do.
 */
public final class InMemoryGroupRepository implements GroupRepository, Restorable {

    private static final Comparator<DirectoryObject> BY_ID =
            Comparator.comparing(DirectoryObject::objectId, Uuids.SQL_ORDER);

    private final Map<UUID, Group> groups = new HashMap<>();
    /** Group id → its direct members' ids. */
    private final Map<UUID, Set<UUID>> members = new HashMap<>();
    /** Group id → its owners' ids. */
    private final Map<UUID, Set<UUID>> owners = new HashMap<>();

    private final BiFunction<TenantId, UserId, Optional<User>> users;
    private final Consumer<UUID> onDelete;

    /**
     * A repository resolving member and owner users through {@code users}, telling {@code onDelete} about each deleted
     * group (to drop its licences, as the SQL foreign keys do).
     */
    public InMemoryGroupRepository(BiFunction<TenantId, UserId, Optional<User>> users, Consumer<UUID> onDelete) {
        this.users = users;
        this.onDelete = onDelete;
    }

    @Override
    public void insert(Group group) {
        groups.put(group.id(), group);
    }

    @Override
    public Optional<Group> findById(TenantId tenantId, UUID id) {
        return Optional.ofNullable(groups.get(id)).filter(g -> g.tenantId().equals(tenantId));
    }

    @Override
    public Page<Group> list(
            TenantId tenantId, List<GroupFilter> filters, String search, boolean byDisplayName, PageRequest page) {
        Comparator<Group> order = byDisplayName
                ? Comparator.comparing((Group g) -> g.displayName().toLowerCase(Locale.ROOT))
                        .thenComparing(Group::id, Uuids.SQL_ORDER)
                : Comparator.comparing(Group::id, Uuids.SQL_ORDER);
        Predicate<Group> after = group -> page.after() == null
                || (byDisplayName
                        ? group.displayNameKey().compareTo(page.after()) > 0
                        : group.id().toString().compareTo(page.after()) > 0);
        List<Group> fetched = matching(tenantId, filters, search)
                .filter(after)
                .sorted(order)
                .limit(page.size() + 1L)
                .toList();
        return Page.of(fetched, page.size(), byDisplayName ? Group::displayNameKey : g -> g.id().toString());
    }

    @Override
    public long count(TenantId tenantId, List<GroupFilter> filters, String search) {
        return matching(tenantId, filters, search).count();
    }

    private java.util.stream.Stream<Group> matching(TenantId tenantId, List<GroupFilter> filters, String search) {
        return groups.values().stream()
                .filter(g -> g.tenantId().equals(tenantId))
                .filter(g -> filters.stream().allMatch(f -> matches(g, f)))
                .filter(g -> search == null
                        || g.displayName().toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT)));
    }

    private static boolean matches(Group group, GroupFilter filter) {
        return switch (filter.property()) {
            case ID -> Ids.tryParse(filter.value()).map(group.id()::equals).orElse(false);
            case SECURITY_ENABLED -> group.securityEnabled() == Boolean.parseBoolean(filter.lowerValue());
            case MAIL_ENABLED -> group.mailEnabled() == Boolean.parseBoolean(filter.lowerValue());
            case GROUP_TYPES -> group.unified();
            case DISPLAY_NAME -> text(group.displayName(), filter);
            case MAIL_NICKNAME -> text(group.mailNickname(), filter);
            case MAIL -> text(group.mail(), filter);
        };
    }

    private static boolean text(String value, GroupFilter filter) {
        if (value == null) {
            return false;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return filter.operator() == GroupFilter.Operator.EQ
                ? lower.equals(filter.lowerValue())
                : lower.startsWith(filter.lowerValue());
    }

    @Override
    public Optional<Group> findUnifiedByMailNickname(TenantId tenantId, String mailNickname) {
        return groups.values().stream()
                .filter(g -> g.tenantId().equals(tenantId) && g.unified())
                .filter(g -> g.mailNickname().equalsIgnoreCase(mailNickname))
                .findFirst();
    }

    @Override
    public void update(Group group) {
        groups.computeIfPresent(group.id(), (id, held) -> held.tenantId().equals(group.tenantId()) ? group : held);
    }

    @Override
    public boolean delete(TenantId tenantId, UUID id) {
        if (findById(tenantId, id).isEmpty()) {
            return false;
        }
        groups.remove(id);
        forgetObject(id);
        onDelete.accept(id);
        return true;
    }

    /** Drops a deleted user's memberships and ownerships, as the SQL foreign keys do. */
    public void forget(UserId userId) {
        forgetObject(userId.value());
    }

    private void forgetObject(UUID id) {
        members.remove(id);
        owners.remove(id);
        members.values().forEach(held -> held.remove(id));
        owners.values().forEach(held -> held.remove(id));
    }

    @Override
    public boolean addMember(TenantId tenantId, UUID groupId, DirectoryObject member) {
        return findById(tenantId, groupId).isPresent()
                && members.computeIfAbsent(groupId, id -> new LinkedHashSet<>()).add(member.objectId());
    }

    @Override
    public boolean removeMember(TenantId tenantId, UUID groupId, UUID memberId) {
        return findById(tenantId, groupId).isPresent()
                && members.getOrDefault(groupId, Set.of()).contains(memberId)
                && members.get(groupId).remove(memberId);
    }

    @Override
    public List<DirectoryObject> members(TenantId tenantId, UUID groupId) {
        if (findById(tenantId, groupId).isEmpty()) {
            return List.of();
        }
        return resolve(tenantId, members.getOrDefault(groupId, Set.of()));
    }

    @Override
    public List<DirectoryObject> transitiveMembers(TenantId tenantId, UUID groupId) {
        if (findById(tenantId, groupId).isEmpty()) {
            return List.of();
        }
        Set<UUID> reached = new LinkedHashSet<>();
        Deque<UUID> next = new ArrayDeque<>(List.of(groupId));
        while (!next.isEmpty()) {
            for (UUID member : members.getOrDefault(next.pop(), Set.of())) {
                if (reached.add(member) && groups.containsKey(member)) {
                    next.push(member);
                }
            }
        }
        return resolve(tenantId, reached);
    }

    @Override
    public List<Group> groupsOf(TenantId tenantId, UUID memberId) {
        return groups.values().stream()
                .filter(g -> g.tenantId().equals(tenantId))
                .filter(g -> members.getOrDefault(g.id(), Set.of()).contains(memberId))
                .sorted(Comparator.comparing(Group::id, Uuids.SQL_ORDER))
                .toList();
    }

    @Override
    public List<Group> transitiveGroupsOf(TenantId tenantId, UUID memberId) {
        Set<Group> reached = new LinkedHashSet<>();
        Deque<UUID> next = new ArrayDeque<>(List.of(memberId));
        while (!next.isEmpty()) {
            for (Group group : groupsOf(tenantId, next.pop())) {
                if (reached.add(group)) {
                    next.push(group.id());
                }
            }
        }
        return reached.stream()
                .sorted(Comparator.comparing(Group::id, Uuids.SQL_ORDER))
                .toList();
    }

    @Override
    public boolean addOwner(TenantId tenantId, UUID groupId, UserId owner) {
        return findById(tenantId, groupId).isPresent()
                && owners.computeIfAbsent(groupId, id -> new LinkedHashSet<>()).add(owner.value());
    }

    @Override
    public boolean removeOwner(TenantId tenantId, UUID groupId, UserId owner) {
        return findById(tenantId, groupId).isPresent()
                && owners.getOrDefault(groupId, Set.of()).contains(owner.value())
                && owners.get(groupId).remove(owner.value());
    }

    @Override
    public List<User> owners(TenantId tenantId, UUID groupId) {
        if (findById(tenantId, groupId).isEmpty()) {
            return List.of();
        }
        return resolve(tenantId, owners.getOrDefault(groupId, Set.of())).stream()
                .map(User.class::cast)
                .toList();
    }

    @Override
    public boolean isOwner(TenantId tenantId, UUID groupId, UserId userId) {
        return findById(tenantId, groupId).isPresent()
                && owners.getOrDefault(groupId, Set.of()).contains(userId.value());
    }

    @Override
    public List<Group> ownedBy(TenantId tenantId, UserId owner) {
        return groups.values().stream()
                .filter(group -> group.tenantId().equals(tenantId)
                        && owners.getOrDefault(group.id(), Set.of()).contains(owner.value()))
                .sorted(Comparator.comparing(Group::id, Uuids.SQL_ORDER))
                .toList();
    }

    /** Users first, then groups, each in SQL id order, as the SQL store lists them. */
    private List<DirectoryObject> resolve(TenantId tenantId, Set<UUID> ids) {
        List<DirectoryObject> usersFound = new ArrayList<>();
        List<DirectoryObject> groupsFound = new ArrayList<>();
        for (UUID id : ids) {
            Group group = groups.get(id);
            if (group != null) {
                if (group.tenantId().equals(tenantId)) {
                    groupsFound.add(group);
                }
            } else {
                users.apply(tenantId, new UserId(id)).ifPresent(usersFound::add);
            }
        }
        usersFound.sort(BY_ID);
        groupsFound.sort(BY_ID);
        usersFound.addAll(groupsFound);
        return usersFound;
    }

    @Override
    public Runnable snapshot() {
        return Restorable.all(
                Restorable.copyOf(groups),
                Restorable.copyOf(members, LinkedHashSet::new),
                Restorable.copyOf(owners, LinkedHashSet::new));
    }
}
