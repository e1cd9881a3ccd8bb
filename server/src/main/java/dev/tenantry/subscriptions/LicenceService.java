package dev.tenantry.subscriptions;

import dev.tenantry.directory.Audit;
import dev.tenantry.directory.AuditEvent;
import dev.tenantry.directory.DirectoryAccess;
import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.Group;
import dev.tenantry.directory.GroupRepository;
import dev.tenantry.directory.User;
import dev.tenantry.directory.users.UserService;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.RequestError;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.Transactions;
import dev.tenantry.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * R13: licences of the directory's suite subscriptions, assigned to its users directly or through groups (Graph's
 * assignLicense on a user or a group). A group's licence reaches its direct user members, as Entra's group-based
 * licensing does; a member that cannot get it (no free seat, no usage location) keeps an error instead, listed in the
 * group's {@code membersWithLicenseErrors}. A user holding a SKU by several paths takes one seat.
 */
public final class LicenceService {

    private final Catalog catalog;
    private final UserService users;
    private final DirectoryAccess directoryAccess;
    private final SuiteSubscriptionRepository suites;
    private final LicenceRepository licences;
    private final GroupRepository groups;
    private final Audit audit;
    private final Transactions transactions;
    private final Clock clock;

    public LicenceService(
            Catalog catalog,
            UserService users,
            DirectoryAccess directoryAccess,
            SuiteSubscriptionRepository suites,
            LicenceRepository licences,
            GroupRepository groups,
            Audit audit,
            Transactions transactions,
            Clock clock) {
        this.catalog = catalog;
        this.users = users;
        this.directoryAccess = directoryAccess;
        this.suites = suites;
        this.licences = licences;
        this.groups = groups;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * One licence as a user has it, Graph's {@code licenseAssignmentState}: assigned directly ({@code assignedByGroup}
     * null) or by a group, active or with the reason it is not.
     */
    public record LicenceState(
            UUID skuId,
            List<UUID> disabledPlans,
            UUID assignedByGroup,
            InheritedLicence.Failure error,
            Instant updated) {

        public boolean active() {
            return error == null;
        }
    }

    /** A licence to add: a SKU id and the ids of its service plans to turn off, as Graph's {@code addLicenses}. */
    public record AddLicence(String skuId, List<String> disabledPlans) {}

    /**
     * R13: adds and removes licences of the user (by id or UPN) in one transaction, all or nothing. Only a caller who
     * may manage users may; the user must be of the directory, have a usage location, and every added SKU must be
     * the directory's with a free enabled seat. The SKU's subscriptions are locked before their seats are counted, so
     * concurrent assignments never hand out more seats than are enabled.
     */
    public User assignLicense(
            Caller caller, TenantId tenantId, String userIdOrUpn, List<AddLicence> add, List<String> remove) {
        Map<UUID, List<UUID>> added = added(add);
        List<UUID> removed = removed(remove);
        return transactions.inTransaction(() -> {
            directoryAccess.requireManageUsers(caller, tenantId);
            User user = users.getUser(caller, tenantId, userIdOrUpn);
            removed.forEach(skuId -> licences.remove(tenantId, user.id(), skuId));
            if (added.isEmpty()) {
                recordUserLicences(caller, tenantId, user, added.keySet(), removed);
                return user;
            }
            if (user.usageLocation() == null || user.usageLocation().isBlank()) {
                throw new InvalidRequestException(
                        SubscriptionError.USAGE_LOCATION_REQUIRED,
                        "License assignment cannot be done for user with invalid usage location.");
            }
            // a fixed order of locks, so two assignments of the same SKUs never wait on each other in a cycle
            for (UUID skuId : sorted(added.keySet())) {
                List<SuiteSubscription> owned = lockOwned(tenantId, skuId);
                requirePlansOf(skuId, added.get(skuId));
                // read after the lock: a concurrent assignment to the same user has committed by now
                boolean held = holds(tenantId, user.id(), skuId, null);
                if (!held) {
                    requireFreeSeat(tenantId, skuId, owned);
                }
                licences.save(new LicenceAssignment(tenantId, user.id(), skuId, added.get(skuId), clock.instant()));
            }
            recordUserLicences(caller, tenantId, user, added.keySet(), removed);
            return user;
        });
    }

    /**
     * Issue 9: adds and removes licences of a group (by id), all or nothing, then gives them to its direct user
     * members. Every added SKU must be the directory's; members without a free seat or a usage location get an error
     * instead of the licence, and the assignment itself succeeds.
     */
    public Group assignGroupLicense(
            Caller caller, TenantId tenantId, String groupId, List<AddLicence> add, List<String> remove) {
        Map<UUID, List<UUID>> added = added(add);
        List<UUID> removed = removed(remove);
        return transactions.inTransaction(() -> {
            directoryAccess.requireManageUsers(caller, tenantId);
            Group group = group(tenantId, groupId);
            removed.forEach(skuId -> licences.removeGroupLicence(tenantId, group.id(), skuId));
            for (UUID skuId : sorted(added.keySet())) {
                lockOwned(tenantId, skuId);
                requirePlansOf(skuId, added.get(skuId));
                licences.saveGroupLicence(
                        new GroupLicence(tenantId, group.id(), skuId, added.get(skuId), clock.instant()));
            }
            reconcileGroup(tenantId, group.id());
            audit.record(
                    caller,
                    tenantId,
                    Audit.GROUP_MANAGEMENT,
                    "Set group license",
                    "Update",
                    List.of(AuditEvent.Target.group(group).withDetail(changes(added.keySet(), removed))));
            return group;
        });
    }

    private void recordUserLicences(
            Caller caller, TenantId tenantId, User user, Collection<UUID> added, List<UUID> removed) {
        audit.record(
                caller,
                tenantId,
                Audit.USER_MANAGEMENT,
                "Change user license",
                "Update",
                List.of(AuditEvent.Target.user(user).withDetail(changes(added, removed))));
    }

    /** What an assignLicense changed, for the audit log: the SKU ids added and removed. */
    private static String changes(Collection<UUID> added, List<UUID> removed) {
        return "added " + added + ", removed " + removed;
    }

    /**
     * Gives the group's licences to its direct user members as they are now, and takes them from those who left; a
     * member that has an active licence keeps it, a member in error is tried again. Called in the changing transaction
     * (a {@code GroupMembershipListener}); locks each SKU before counting its seats, as direct assignment does.
     */
    public void reconcileGroup(TenantId tenantId, UUID groupId) {
        List<GroupLicence> assigned = licences.groupLicences(tenantId, groupId);
        List<InheritedLicence> before = licences.inheritedFrom(tenantId, groupId);
        if (assigned.isEmpty() && before.isEmpty()) {
            return;
        }
        List<User> members = groups.members(tenantId, groupId).stream()
                .filter(User.class::isInstance)
                .map(User.class::cast)
                .toList();
        List<UUID> skus = assigned.stream().map(GroupLicence::skuId).toList();
        // first keep what members still hold, so the seats of those who left are free to count
        List<InheritedLicence> after = new ArrayList<>(before.stream()
                .filter(i -> i.active() && skus.contains(i.skuId()))
                .filter(i -> members.stream().anyMatch(m -> m.id().equals(i.userId())))
                .toList());
        licences.replaceInherited(tenantId, groupId, after);
        for (UUID skuId : skus) {
            int enabled = enabledSeats(suites.lockBySku(tenantId, skuId));
            int taken = licences.assignedBySku(tenantId).getOrDefault(skuId, 0);
            for (User member : members) {
                boolean kept = after.stream()
                        .anyMatch(
                                i -> i.userId().equals(member.id()) && i.skuId().equals(skuId));
                if (kept) {
                    continue;
                }
                InheritedLicence.Failure error = null;
                if (member.usageLocation() == null || member.usageLocation().isBlank()) {
                    error = InheritedLicence.Failure.USAGE_LOCATION_VIOLATION;
                } else if (!holds(tenantId, member.id(), skuId, groupId)) {
                    if (taken >= enabled) {
                        error = InheritedLicence.Failure.COUNT_VIOLATION;
                    } else {
                        taken++;
                    }
                }
                after.add(new InheritedLicence(tenantId, member.id(), groupId, skuId, error, clock.instant()));
            }
        }
        licences.replaceInherited(tenantId, groupId, after);
    }

    /** Graph's {@code reprocessLicenseAssignment} on a group: tries its members in error again. */
    public Group reprocessGroup(Caller caller, TenantId tenantId, String groupId) {
        return transactions.inTransaction(() -> {
            directoryAccess.requireManageUsers(caller, tenantId);
            Group group = group(tenantId, groupId);
            reconcileGroup(tenantId, group.id());
            return group;
        });
    }

    /** Graph's {@code reprocessLicenseAssignment} on a user: tries again the licences of the groups it is in. */
    public User reprocessUser(Caller caller, TenantId tenantId, String userIdOrUpn) {
        return transactions.inTransaction(() -> {
            directoryAccess.requireManageUsers(caller, tenantId);
            User user = users.getUser(caller, tenantId, userIdOrUpn);
            for (Group group : groups.groupsOf(tenantId, user.objectId())) {
                reconcileGroup(tenantId, group.id());
            }
            return user;
        });
    }

    /** The licences assigned to a group, ordered by SKU id (Graph's {@code assignedLicenses} on a group). */
    public List<GroupLicence> groupLicences(Caller caller, TenantId tenantId, String groupId) {
        return transactions.inTransaction(() -> {
            directoryAccess.requireReadUsers(caller, tenantId);
            return licences.groupLicences(tenantId, group(tenantId, groupId).id());
        });
    }

    /** The group's members that could not get one of its licences (Graph's {@code membersWithLicenseErrors}). */
    public List<User> membersWithLicenseErrors(Caller caller, TenantId tenantId, String groupId) {
        return transactions.inTransaction(() -> {
            directoryAccess.requireReadUsers(caller, tenantId);
            Group group = group(tenantId, groupId);
            return licences.inheritedFrom(tenantId, group.id()).stream()
                    .filter(i -> !i.active())
                    .map(InheritedLicence::userId)
                    .distinct()
                    .map(id -> users.getUser(caller, tenantId, id.toString()))
                    .toList();
        });
    }

    /**
     * The licences the user holds, directly or through groups, once per SKU (Graph's {@code assignedLicenses} and
     * {@code licenseDetails}), ordered by SKU id; a plan is disabled only if every path disables it.
     */
    public List<LicenceAssignment> licencesOf(Caller caller, TenantId tenantId, String userIdOrUpn) {
        User user = users.getUser(caller, tenantId, userIdOrUpn);
        return withStanding(standings(tenantId), effective(tenantId, user.id()));
    }

    /** The licences of users the caller has already read, for a list that shows them ({@code $select}). */
    public Map<UserId, List<LicenceAssignment>> licencesOf(Caller caller, TenantId tenantId, List<User> listed) {
        directoryAccess.requireReadUsers(caller, tenantId);
        Map<UserId, List<LicenceAssignment>> held = new LinkedHashMap<>();
        Map<UUID, SuiteSubscription.State> standings = standings(tenantId);
        listed.forEach(user -> held.put(user.id(), withStanding(standings, effective(tenantId, user.id()))));
        return held;
    }

    /** Every licence path of the user, direct first, then by SKU (Graph's {@code licenseAssignmentStates}). */
    public List<LicenceState> licenceStatesOf(Caller caller, TenantId tenantId, String userIdOrUpn) {
        User user = users.getUser(caller, tenantId, userIdOrUpn);
        List<LicenceState> states = new ArrayList<>();
        licences.byUser(tenantId, user.id())
                .forEach(direct -> states.add(
                        new LicenceState(direct.skuId(), direct.disabledPlans(), null, null, direct.assignedAt())));
        for (InheritedLicence inherited : licences.inheritedBy(tenantId, user.id())) {
            states.add(new LicenceState(
                    inherited.skuId(),
                    groupPlans(tenantId, inherited),
                    inherited.groupId(),
                    inherited.error(),
                    inherited.updatedAt()));
        }
        return states;
    }

    private List<LicenceAssignment> effective(TenantId tenantId, UserId userId) {
        Map<UUID, LicenceAssignment> bySku = new LinkedHashMap<>();
        licences.byUser(tenantId, userId).forEach(direct -> bySku.put(direct.skuId(), direct));
        for (InheritedLicence inherited : licences.inheritedBy(tenantId, userId)) {
            if (!inherited.active()) {
                continue;
            }
            List<UUID> plans = groupPlans(tenantId, inherited);
            bySku.merge(
                    inherited.skuId(),
                    new LicenceAssignment(tenantId, userId, inherited.skuId(), plans, inherited.updatedAt()),
                    (held, other) -> new LicenceAssignment(
                            tenantId,
                            userId,
                            held.skuId(),
                            held.disabledPlans().stream()
                                    .filter(other.disabledPlans()::contains)
                                    .toList(),
                            held.assignedAt()));
        }
        return bySku.values().stream()
                .sorted(Comparator.comparing(l -> l.skuId().toString()))
                .toList();
    }

    private List<UUID> groupPlans(TenantId tenantId, InheritedLicence inherited) {
        return licences.groupLicences(tenantId, inherited.groupId()).stream()
                .filter(l -> l.skuId().equals(inherited.skuId()))
                .findFirst()
                .map(GroupLicence::disabledPlans)
                .orElse(List.of());
    }

    /** Whether the user holds the SKU directly or through a group other than {@code exceptGroup}, actively. */
    private boolean holds(TenantId tenantId, UserId userId, UUID skuId, UUID exceptGroup) {
        return licences.byUser(tenantId, userId).stream()
                        .anyMatch(l -> l.skuId().equals(skuId))
                || licences.inheritedBy(tenantId, userId).stream()
                        .anyMatch(i -> i.skuId().equals(skuId)
                                && i.active()
                                && !i.groupId().equals(exceptGroup));
    }

    /** The directory's subscriptions of the SKU, locked; refused when it has none. */
    private List<SuiteSubscription> lockOwned(TenantId tenantId, UUID skuId) {
        List<SuiteSubscription> owned = suites.lockBySku(tenantId, skuId).stream()
                .filter(s -> s.state() != SuiteSubscription.State.DELETED)
                .toList();
        if (owned.isEmpty()) {
            throw new InvalidRequestException(
                    SubscriptionError.LICENSE_NOT_OWNED,
                    "License " + skuId + " does not correspond to a valid company License.");
        }
        return owned;
    }

    private static int enabledSeats(List<SuiteSubscription> owned) {
        return owned.stream()
                .filter(s -> s.state() != SuiteSubscription.State.DELETED)
                .mapToInt(SuiteSubscription::seatsEnabled)
                .sum();
    }

    private Group group(TenantId tenantId, String groupId) {
        return Ids.tryParse(groupId)
                .flatMap(id -> groups.findById(tenantId, id))
                .orElseThrow(() -> new NotFoundException(
                        DirectoryError.GROUP_NOT_FOUND,
                        "Resource '" + groupId + "' does not exist or one of its queried reference-property objects"
                                + " are not present."));
    }

    private static Map<UUID, List<UUID>> added(List<AddLicence> add) {
        Objects.requireNonNull(add, "add");
        Map<UUID, List<UUID>> added = new LinkedHashMap<>();
        add.forEach(licence -> added.put(skuId(licence.skuId()), planIds(licence.disabledPlans())));
        return added;
    }

    private static List<UUID> removed(List<String> remove) {
        Objects.requireNonNull(remove, "remove");
        return remove.stream().map(LicenceService::skuId).toList();
    }

    private static List<UUID> sorted(Collection<UUID> skuIds) {
        return skuIds.stream().sorted(Comparator.naturalOrder()).toList();
    }

    /** The standing of each SKU the directory holds a subscription of, its deleted subscriptions left out. */
    private Map<UUID, SuiteSubscription.State> standings(TenantId tenantId) {
        return suites.byTenant(tenantId).stream()
                .filter(s -> s.state() != SuiteSubscription.State.DELETED)
                .collect(Collectors.groupingBy(SuiteSubscription::skuId))
                .entrySet()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> SubscribedSku.standingOf(e.getValue())));
    }

    /** The licences with the standing of their SKUs (a SKU with no subscription left: Deleted). */
    private static List<LicenceAssignment> withStanding(
            Map<UUID, SuiteSubscription.State> standings, List<LicenceAssignment> held) {
        return held.stream()
                .map(licence ->
                        licence.standing(standings.getOrDefault(licence.skuId(), SuiteSubscription.State.DELETED)))
                .toList();
    }

    /** The catalog's SKU of a licence, for its part number and service plans. */
    public Optional<Sku> sku(UUID skuId) {
        return catalog.skuById(skuId);
    }

    private void requireFreeSeat(TenantId tenantId, UUID skuId, List<SuiteSubscription> owned) {
        int enabled = enabledSeats(owned);
        int assigned = licences.assignedBySku(tenantId).getOrDefault(skuId, 0);
        if (assigned >= enabled) {
            throw new InvalidRequestException(
                    SubscriptionError.NO_AVAILABLE_LICENSES,
                    "Subscription with SKU " + skuId + " does not have any available licenses.");
        }
    }

    private void requirePlansOf(UUID skuId, List<UUID> disabledPlans) {
        List<UUID> plans = catalog.skuById(skuId).map(Sku::servicePlans).orElse(List.of()).stream()
                .map(ServicePlan::id)
                .toList();
        for (UUID plan : disabledPlans) {
            if (!plans.contains(plan)) {
                throw new InvalidRequestException(
                        SubscriptionError.UNKNOWN_SERVICE_PLAN,
                        "The service plan " + plan + " in disabledPlans is not a service plan of SKU " + skuId + ".",
                        "disabledPlans");
            }
        }
    }

    private static UUID skuId(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException(RequestError.MISSING_FIELD, "Each licence needs a 'skuId'.", "skuId");
        }
        return Ids.parseUuid(text, "skuId");
    }

    private static List<UUID> planIds(List<String> disabledPlans) {
        return disabledPlans == null
                ? List.of()
                : disabledPlans.stream()
                        .map(plan -> Ids.parseUuid(plan, "disabledPlans"))
                        .distinct()
                        .toList();
    }
}
