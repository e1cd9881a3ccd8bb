package dev.tenantry.directory.groups;

import dev.tenantry.directory.Audit;
import dev.tenantry.directory.AuditEvent;
import dev.tenantry.directory.DirectoryAccess;
import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.DirectoryObject;
import dev.tenantry.directory.Group;
import dev.tenantry.directory.GroupFilter;
import dev.tenantry.directory.GroupMembershipListener;
import dev.tenantry.directory.GroupRepository;
import dev.tenantry.directory.Tenant;
import dev.tenantry.directory.TenantRepository;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserRepository;
import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NewIds;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.Transactions;
import dev.tenantry.shared.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Use cases of a directory's groups (issue 9): security and Microsoft 365 groups, their members (users and nested
 * groups, never in a cycle), their owners, and who is in which group, directly or through nesting.
 */
public final class GroupService {

    /** Graph's limit on {@code checkMemberGroups} and on references bound in one request. */
    public static final int MAX_IDS_PER_REQUEST = 20;

    private final TenantRepository tenants;
    private final UserRepository users;
    private final GroupRepository groups;
    private final DirectoryAccess access;
    private final GroupMembershipListener membership;
    private final Audit audit;
    private final Transactions transactions;
    private final Clock clock;

    public GroupService(
            TenantRepository tenants,
            UserRepository users,
            GroupRepository groups,
            DirectoryAccess access,
            GroupMembershipListener membership,
            Audit audit,
            Transactions transactions,
            Clock clock) {
        this.tenants = tenants;
        this.users = users;
        this.groups = groups;
        this.access = access;
        this.membership = membership;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Creates a group with the members and owners bound in the request; a user creating a group without naming owners
     * becomes its owner, as in Graph.
     */
    public Group create(Caller caller, TenantId tenantId, NewGroup request) {
        return transactions.inTransaction(() -> {
            access.requireCreateGroups(caller, tenantId);
            if (request.memberIds().size() + request.ownerIds().size() > MAX_IDS_PER_REQUEST) {
                throw new InvalidRequestException(
                        DirectoryError.TOO_MANY_GROUP_IDS,
                        "A request may bind at most " + MAX_IDS_PER_REQUEST + " members and owners together; add the"
                                + " others with members/$ref afterwards.",
                        "members@odata.bind");
            }
            boolean unified = GroupRules.unified(request.groupTypes());
            GroupRules.kinds(request.mailEnabled(), request.securityEnabled(), unified);
            String nickname = GroupRules.mailNickname(request.mailNickname());
            Tenant tenant = tenants.findById(tenantId)
                    .orElseThrow(() -> new NotFoundException(
                            DirectoryError.TENANT_NOT_FOUND, "Directory '" + tenantId + "' does not exist."));
            if (unified) {
                requireFreeNickname(tenantId, nickname, null);
            }
            Group group = new Group(
                    NewIds.next(NewIds.Kind.GROUP),
                    tenantId,
                    GroupRules.displayName(request.displayName()),
                    GroupRules.description(request.description()),
                    nickname,
                    unified ? GroupRules.mail(nickname, tenant.initialDomain()) : null,
                    request.mailEnabled(),
                    request.securityEnabled(),
                    unified,
                    GroupRules.visibility(request.visibility(), unified),
                    clock.instant());
            groups.insert(group);
            for (String ownerId : request.ownerIds()) {
                groups.addOwner(
                        tenantId, group.id(), ownerUser(tenantId, ownerId).id());
            }
            if (request.ownerIds().isEmpty() && caller instanceof Caller.User user) {
                groups.addOwner(tenantId, group.id(), user.userId());
            }
            for (String memberId : request.memberIds()) {
                addMemberLocked(tenantId, group, memberId);
            }
            if (!request.memberIds().isEmpty()) {
                membership.membersChanged(tenantId, group.id());
            }
            record(caller, tenantId, "Add group", "Add", AuditEvent.Target.group(group));
            return group;
        });
    }

    public Group get(Caller caller, TenantId tenantId, String groupId) {
        return transactions.inTransaction(() -> {
            access.requireReadGroups(caller, tenantId);
            return group(tenantId, groupId);
        });
    }

    /**
     * A page of groups matching every filter and, unless null, whose display name contains {@code search}; ordered by
     * display name when {@code byDisplayName}, else by id.
     */
    public Page<Group> list(
            Caller caller,
            TenantId tenantId,
            List<GroupFilter> filters,
            String search,
            boolean byDisplayName,
            PageRequest page) {
        return transactions.inTransaction(() -> {
            access.requireReadGroups(caller, tenantId);
            return groups.list(tenantId, filters, search, byDisplayName, page);
        });
    }

    public long count(Caller caller, TenantId tenantId, List<GroupFilter> filters, String search) {
        return transactions.inTransaction(() -> {
            access.requireReadGroups(caller, tenantId);
            return groups.count(tenantId, filters, search);
        });
    }

    /** Changes the properties the patch sends and adds the members it binds; owners of the group may. */
    public Group update(Caller caller, TenantId tenantId, String groupId, GroupPatch patch) {
        return transactions.inTransaction(() -> {
            Group group =
                    manageable(caller, tenantId, groupId, !patch.memberIds().isEmpty());
            if (patch.memberIds().size() > MAX_IDS_PER_REQUEST) {
                throw new InvalidRequestException(
                        DirectoryError.TOO_MANY_GROUP_IDS,
                        "A request may bind at most " + MAX_IDS_PER_REQUEST + " members.",
                        "members@odata.bind");
            }
            String nickname =
                    patch.mailNickname() == null ? group.mailNickname() : GroupRules.mailNickname(patch.mailNickname());
            if (group.unified() && !nickname.equalsIgnoreCase(group.mailNickname())) {
                requireFreeNickname(tenantId, nickname, group.id());
            }
            Group changed = group.withChanges(
                    patch.displayName() == null ? group.displayName() : GroupRules.displayName(patch.displayName()),
                    patch.description() == null ? group.description() : GroupRules.description(patch.description()),
                    nickname,
                    patch.visibility() == null
                            ? group.visibility()
                            : GroupRules.visibility(patch.visibility(), group.unified()));
            groups.update(changed);
            for (String memberId : patch.memberIds()) {
                addMemberLocked(tenantId, changed, memberId);
            }
            if (!patch.memberIds().isEmpty()) {
                membership.membersChanged(tenantId, group.id());
            }
            record(caller, tenantId, "Update group", "Update", AuditEvent.Target.group(changed));
            return changed;
        });
    }

    /**
     * Whether the caller may change the group, its members and its owners (an owner of the group, a Global or User
     * Administrator), so that a console offers only the actions the caller may take; the actions check again.
     */
    public boolean mayManage(Caller caller, TenantId tenantId, String groupId) {
        try {
            transactions.inTransaction(() -> manageable(caller, tenantId, groupId, true));
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    public void delete(Caller caller, TenantId tenantId, String groupId) {
        transactions.inTransaction(() -> {
            Group group = manageable(caller, tenantId, groupId, false);
            groups.delete(tenantId, group.id());
            record(caller, tenantId, "Delete group", "Delete", AuditEvent.Target.group(group));
            return null;
        });
    }

    public List<DirectoryObject> members(Caller caller, TenantId tenantId, String groupId) {
        return transactions.inTransaction(() -> {
            access.requireReadGroups(caller, tenantId);
            return groups.members(tenantId, group(tenantId, groupId).id());
        });
    }

    public List<DirectoryObject> transitiveMembers(Caller caller, TenantId tenantId, String groupId) {
        return transactions.inTransaction(() -> {
            access.requireReadGroups(caller, tenantId);
            return groups.transitiveMembers(tenantId, group(tenantId, groupId).id());
        });
    }

    /** Adds a user or a group ({@code memberId}); a group already holding it, or a cycle, is a 400 as in Graph. */
    public void addMember(Caller caller, TenantId tenantId, String groupId, String memberId) {
        transactions.inTransaction(() -> {
            Group group = manageable(caller, tenantId, groupId, true);
            DirectoryObject member = addMemberLocked(tenantId, group, memberId);
            membership.membersChanged(tenantId, group.id());
            record(caller, tenantId, "Add member to group", "Assign", AuditEvent.Target.group(group), target(member));
            return null;
        });
    }

    public void removeMember(Caller caller, TenantId tenantId, String groupId, String memberId) {
        transactions.inTransaction(() -> {
            Group group = manageable(caller, tenantId, groupId, true);
            Optional<UUID> id = Ids.tryParse(memberId);
            if (id.isEmpty() || !groups.removeMember(tenantId, group.id(), id.get())) {
                throw new NotFoundException(
                        DirectoryError.MEMBER_NOT_FOUND,
                        "'" + memberId + "' is not a direct member of group '" + group.displayName() + "'.");
            }
            membership.membersChanged(tenantId, group.id());
            record(
                    caller,
                    tenantId,
                    "Remove member from group",
                    "Unassign",
                    AuditEvent.Target.group(group),
                    new AuditEvent.Target(id.get(), "DirectoryObject", null, null));
            return null;
        });
    }

    public List<User> owners(Caller caller, TenantId tenantId, String groupId) {
        return transactions.inTransaction(() -> {
            access.requireReadGroups(caller, tenantId);
            return groups.owners(tenantId, group(tenantId, groupId).id());
        });
    }

    public void addOwner(Caller caller, TenantId tenantId, String groupId, String ownerId) {
        transactions.inTransaction(() -> {
            Group group = manageable(caller, tenantId, groupId, true);
            User owner = ownerUser(tenantId, ownerId);
            if (!groups.addOwner(tenantId, group.id(), owner.id())) {
                throw new InvalidRequestException(
                        DirectoryError.OWNER_ALREADY_PRESENT,
                        "One or more added object references already exist for the following modified properties: "
                                + "'owners'.");
            }
            record(caller, tenantId, "Add owner to group", "Assign", AuditEvent.Target.group(group), target(owner));
            return null;
        });
    }

    public void removeOwner(Caller caller, TenantId tenantId, String groupId, String ownerId) {
        transactions.inTransaction(() -> {
            Group group = manageable(caller, tenantId, groupId, true);
            Optional<UUID> id = Ids.tryParse(ownerId);
            if (id.isEmpty() || !groups.removeOwner(tenantId, group.id(), new UserId(id.get()))) {
                throw new NotFoundException(
                        DirectoryError.OWNER_NOT_FOUND,
                        "'" + ownerId + "' is not an owner of group '" + group.displayName() + "'.");
            }
            record(
                    caller,
                    tenantId,
                    "Remove owner from group",
                    "Unassign",
                    AuditEvent.Target.group(group),
                    new AuditEvent.Target(id.get(), "User", null, null));
            return null;
        });
    }

    /**
     * The groups {@code objectId} (a user or a group of the directory) is a direct member of ({@code transitive}
     * false) or a member of through any nesting (true). The signed-in user may read its own with {@code User.Read}.
     */
    public List<Group> memberOf(Caller caller, TenantId tenantId, UUID objectId, boolean transitive) {
        return transactions.inTransaction(() -> {
            requireReadMemberships(caller, tenantId, objectId);
            return transitive ? groups.transitiveGroupsOf(tenantId, objectId) : groups.groupsOf(tenantId, objectId);
        });
    }

    /** Graph's {@code checkMemberGroups}: which of {@code groupIds} (at most 20) the object is in, through nesting too. */
    public List<UUID> checkMemberGroups(Caller caller, TenantId tenantId, UUID objectId, List<String> groupIds) {
        if (groupIds.size() > MAX_IDS_PER_REQUEST) {
            throw new InvalidRequestException(
                    DirectoryError.TOO_MANY_GROUP_IDS,
                    "checkMemberGroups takes at most " + MAX_IDS_PER_REQUEST + " group ids; send several requests.",
                    "groupIds");
        }
        Set<UUID> asked = new LinkedHashSet<>();
        for (String groupId : groupIds) {
            asked.add(Ids.tryParse(groupId)
                    .orElseThrow(() -> new InvalidRequestException(
                            DirectoryError.INVALID_OBJECT_REFERENCE,
                            "Invalid object identifier '" + groupId + "' in groupIds.",
                            "groupIds")));
        }
        Set<UUID> held = new LinkedHashSet<>(memberOf(caller, tenantId, objectId, true).stream()
                .map(Group::id)
                .toList());
        return asked.stream().filter(held::contains).toList();
    }

    /** Graph's {@code getMemberGroups} / {@code getMemberObjects}: the ids of every group the object is in. */
    public List<UUID> memberGroupIds(Caller caller, TenantId tenantId, UUID objectId, boolean securityEnabledOnly) {
        return memberOf(caller, tenantId, objectId, true).stream()
                .filter(group -> !securityEnabledOnly || group.securityEnabled())
                .map(Group::id)
                .toList();
    }

    private void requireReadMemberships(Caller caller, TenantId tenantId, UUID objectId) {
        if (caller instanceof Caller.User user && user.userId().value().equals(objectId)) {
            access.requireReadOwnProfile(caller, tenantId);
            return;
        }
        access.requireReadGroups(caller, tenantId);
        if (users.findById(tenantId, new UserId(objectId)).isEmpty()
                && groups.findById(tenantId, objectId).isEmpty()) {
            throw notFound(objectId.toString());
        }
    }

    /** The group, after checking that the caller may change it (or its members): an administrator or its owner. */
    private Group manageable(Caller caller, TenantId tenantId, String groupId, boolean members) {
        access.requireSameTenant(caller, tenantId);
        Group group = group(tenantId, groupId);
        boolean owner = caller instanceof Caller.User user && groups.isOwner(tenantId, group.id(), user.userId());
        access.requireManageGroup(caller, tenantId, owner, members);
        return group;
    }

    private void record(
            Caller caller, TenantId tenantId, String activity, String operation, AuditEvent.Target... targets) {
        audit.record(caller, tenantId, Audit.GROUP_MANAGEMENT, activity, operation, List.of(targets));
    }

    private static AuditEvent.Target target(DirectoryObject object) {
        return switch (object) {
            case User user -> AuditEvent.Target.user(user);
            case Group group -> AuditEvent.Target.group(group);
        };
    }

    private DirectoryObject addMemberLocked(TenantId tenantId, Group group, String memberId) {
        DirectoryObject member = directoryObject(tenantId, memberId);
        if (member instanceof Group nested) {
            if (group.unified()) {
                throw new InvalidRequestException(
                        DirectoryError.GROUP_MEMBERSHIP_CYCLE,
                        "A Microsoft 365 group cannot have groups as members; add the group's users instead.",
                        "members");
            }
            // nesting changes are serialised per directory, so two opposite adds cannot make a cycle together
            tenants.lock(tenantId);
            if (nested.id().equals(group.id())
                    || groups.transitiveGroupsOf(tenantId, group.id()).stream()
                            .anyMatch(ancestor -> ancestor.id().equals(nested.id()))) {
                throw new InvalidRequestException(
                        DirectoryError.GROUP_MEMBERSHIP_CYCLE,
                        "Group '" + nested.displayName() + "' cannot be a member of '" + group.displayName()
                                + "': it already contains it, directly or through nested groups, and membership"
                                + " cannot form a cycle.",
                        "members");
            }
        }
        if (!groups.addMember(tenantId, group.id(), member)) {
            throw new InvalidRequestException(
                    DirectoryError.MEMBER_ALREADY_PRESENT,
                    "One or more added object references already exist for the following modified properties: "
                            + "'members'.");
        }
        return member;
    }

    private Group group(TenantId tenantId, String groupId) {
        return Ids.tryParse(groupId)
                .flatMap(id -> groups.findById(tenantId, id))
                .orElseThrow(() -> new NotFoundException(
                        DirectoryError.GROUP_NOT_FOUND,
                        "Resource '" + groupId + "' does not exist or one of its queried reference-property objects"
                                + " are not present."));
    }

    private DirectoryObject directoryObject(TenantId tenantId, String objectId) {
        UUID id = Ids.tryParse(objectId)
                .orElseThrow(() -> new InvalidRequestException(
                        DirectoryError.INVALID_OBJECT_REFERENCE,
                        "Invalid object identifier '" + objectId + "'.",
                        "@odata.id"));
        Optional<? extends DirectoryObject> user = users.findById(tenantId, new UserId(id));
        if (user.isPresent()) {
            return user.get();
        }
        return groups.findById(tenantId, id).orElseThrow(() -> notFound(objectId));
    }

    private User ownerUser(TenantId tenantId, String ownerId) {
        DirectoryObject owner = directoryObject(tenantId, ownerId);
        if (owner instanceof User user) {
            return user;
        }
        throw new InvalidRequestException(
                DirectoryError.INVALID_OBJECT_REFERENCE,
                "A group's owners are users; '" + ownerId + "' is a group.",
                "owners");
    }

    private void requireFreeNickname(TenantId tenantId, String nickname, UUID except) {
        Optional<Group> taken =
                groups.findUnifiedByMailNickname(tenantId, nickname).filter(g -> !g.id().equals(except));
        if (taken.isPresent()) {
            throw new InvalidRequestException(
                    DirectoryError.MAIL_NICKNAME_TAKEN,
                    "Another object with the same value for property proxyAddresses already exists: mailNickname '"
                            + nickname + "' is used by group '" + taken.get().displayName() + "'.",
                    "mailNickname");
        }
    }

    private static NotFoundException notFound(String objectId) {
        return new NotFoundException(
                DirectoryError.OBJECT_NOT_FOUND,
                "Resource '" + objectId + "' does not exist or one of its queried reference-property objects are"
                        + " not present.");
    }

    /** The members of {@code objects} that are users. */
    public static List<User> usersOf(List<DirectoryObject> objects) {
        List<User> found = new ArrayList<>();
        for (DirectoryObject object : objects) {
            if (object instanceof User user) {
                found.add(user);
            }
        }
        return found;
    }
}
