package dev.tenantry.access;

import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.RuleViolationException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.Transactions;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Azure RBAC on cloud subscriptions and their resource groups: who holds which role where, and the checks every use
 * case on a subscription makes. A role held at a scope applies below it; a group's roles apply to its members, nested
 * groups included. A caller without any role in a subscription is told it does not exist, as ARM does (R14).
 */
public final class AccessService {

    private static final String ROLE_ASSIGNMENT_TYPE = "Microsoft.Authorization/roleAssignments";
    private static final List<String> ANY_ROLE = List.of("Reader", "Contributor", "Owner", "User Access Administrator");

    private final RoleAssignmentRepository assignments;
    private final PrincipalDirectory principals;
    private final GroupMemberships memberships;
    private final ActivityLog activity;
    private final Transactions transactions;
    private final Clock clock;
    private final WriteGuard writeGuard;

    public AccessService(
            RoleAssignmentRepository assignments,
            PrincipalDirectory principals,
            GroupMemberships memberships,
            ActivityLog activity,
            Transactions transactions,
            Clock clock) {
        this(assignments, principals, memberships, activity, transactions, clock, WriteGuard.none());
    }

    /** With {@code writeGuard} asked before every write allowed (a disabled subscription is read-only). */
    public AccessService(
            RoleAssignmentRepository assignments,
            PrincipalDirectory principals,
            GroupMemberships memberships,
            ActivityLog activity,
            Transactions transactions,
            Clock clock,
            WriteGuard writeGuard) {
        this.assignments = assignments;
        this.principals = principals;
        this.memberships = memberships;
        this.activity = activity;
        this.transactions = transactions;
        this.clock = clock;
        this.writeGuard = writeGuard;
    }

    /** R4: the account administrator of a new subscription holds Owner from the start. Runs in the caller's work. */
    public RoleAssignment grantOwner(SubscriptionScope scope, UUID userId) {
        RoleAssignment owner = new RoleAssignment(
                UUID.randomUUID(),
                scope.tenantId(),
                scope.subscriptionId(),
                RoleDefinition.OWNER,
                userId,
                PrincipalType.USER,
                userId,
                clock.instant());
        assignments.insert(owner);
        return owner;
    }

    /**
     * Locks the subscription's role assignments until the current transaction ends (issue 10: classic administrators
     * grant and revoke Owner under the last-Owner rule). Runs in the caller's transaction.
     */
    public void lock(SubscriptionScope scope) {
        assignments.lockSubscription(scope.subscriptionId());
    }

    /** The user's Owner assignment at the subscription's own scope, if it holds one. Runs in the caller's work. */
    public Optional<RoleAssignment> ownerAssignment(SubscriptionScope scope, UUID principalId) {
        return assignments.bySubscription(scope.subscriptionId()).stream()
                .filter(a ->
                        a.role() == RoleDefinition.OWNER && a.principalId().equals(principalId) && a.atSubscription())
                .findFirst();
    }

    /**
     * Removes an Owner assignment a classic administrator role gave (issue 10), keeping the last Owner: the caller's
     * transaction has taken {@link #lock}. False when the assignment is gone already.
     */
    public boolean revokeOwner(SubscriptionScope scope, UUID assignmentId) {
        Optional<RoleAssignment> found = assignments.findById(scope.subscriptionId(), assignmentId);
        if (found.isEmpty()) {
            return false;
        }
        requireNotLastOwner(scope.subscriptionId(), found.get());
        return assignments.delete(scope.subscriptionId(), assignmentId);
    }

    /** R4: a subscription keeps at least one Owner at its own scope; run under the subscription's lock. */
    private void requireNotLastOwner(UUID subscriptionId, RoleAssignment removed) {
        boolean lastOwner = removed.role() == RoleDefinition.OWNER
                && removed.atSubscription()
                && assignments.bySubscription(subscriptionId).stream()
                                .filter(a -> a.role() == RoleDefinition.OWNER && a.atSubscription())
                                .count()
                        == 1;
        if (lastOwner) {
            throw new RuleViolationException(
                    AccessError.LAST_OWNER, "A subscription keeps at least one Owner; assign another Owner first.");
        }
    }

    /**
     * The roles that apply to the caller at {@code scope}: held there or above, directly or through a group; empty for
     * none or for another directory's caller (R14).
     */
    public Set<RoleDefinition> rolesOf(Caller caller, AccessScope scope) {
        if (caller instanceof Caller.Operator) {
            return EnumSet.allOf(RoleDefinition.class);
        }
        Set<RoleDefinition> held = EnumSet.noneOf(RoleDefinition.class);
        applying(caller, scope).forEach(a -> held.add(a.role()));
        return held;
    }

    /** The assignments that give the caller its roles at {@code scope} (at or above it, its own or its groups'). */
    public List<RoleAssignment> applying(Caller caller, AccessScope scope) {
        Set<UUID> ids = principalIds(caller, scope);
        return assignments.bySubscription(scope.subscriptionId()).stream()
                .filter(a -> ids.contains(a.principalId()) && scope.inheritsFrom(a))
                .toList();
    }

    /** The ids of every subscription in which the caller holds any role (there or in one of its resource groups). */
    public Set<UUID> subscriptionsOf(Caller caller) {
        Optional<UUID> principal = principalOf(caller);
        if (principal.isEmpty() || caller.actingTenant().isEmpty()) {
            return Set.of();
        }
        Set<UUID> subscriptions = new HashSet<>();
        for (UUID id : withGroups(caller.actingTenant().get(), principal.get())) {
            assignments.byPrincipal(id).stream()
                    .filter(a -> caller.actingTenant().equals(Optional.of(a.tenantId())))
                    .forEach(a -> subscriptions.add(a.subscriptionId()));
        }
        return Set.copyOf(subscriptions);
    }

    /**
     * Seeing that the subscription exists (its name, its resource groups' list): any role in it, at its scope or in
     * one of its resource groups. Without one, it "does not exist" (404), as ARM answers.
     */
    public void requireVisible(Caller caller, SubscriptionScope scope) {
        if (caller instanceof Caller.Operator) {
            return;
        }
        Set<UUID> ids = principalIds(caller, scope);
        boolean any = !ids.isEmpty()
                && assignments.bySubscription(scope.subscriptionId()).stream()
                        .anyMatch(a -> ids.contains(a.principalId()));
        if (!any) {
            throw notFound(scope);
        }
    }

    /** Whether the caller may see the subscription at all ({@link #requireVisible}). */
    public boolean isVisible(Caller caller, SubscriptionScope scope) {
        try {
            requireVisible(caller, scope);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /**
     * Reading at {@code scope} (a subscription's own settings and everything in it, or one resource group): any role
     * there or above; a caller with roles elsewhere in the subscription only is denied.
     */
    public void requireRead(Caller caller, AccessScope scope) {
        requireVisible(caller, scope.subscription());
        if (rolesOf(caller, scope).isEmpty()) {
            throw denied("read", scope, ANY_ROLE);
        }
    }

    /** Creating, changing and deleting resources at {@code scope}: Owner or Contributor there or above. */
    public void requireWrite(Caller caller, AccessScope scope) {
        requireVisible(caller, scope.subscription());
        if (rolesOf(caller, scope).stream().noneMatch(RoleDefinition::canWriteResources)) {
            throw denied("write resources in", scope, List.of("Owner", "Contributor"));
        }
        writeGuard.requireWritable(scope.subscription());
    }

    /** Every assignment of the subscription, its resource groups' included (ARM's list without a filter). */
    public List<RoleAssignment> list(Caller caller, AccessScope scope) {
        return list(caller, scope, AssignmentFilter.all());
    }

    /** The assignments at, above or below {@code scope} that {@code filter} keeps; any role at the scope reads them. */
    public List<RoleAssignment> list(Caller caller, AccessScope scope, AssignmentFilter filter) {
        requireRead(caller, scope);
        Set<UUID> assignedTo = filter.assignedTo() == null ? null : withGroups(scope.tenantId(), filter.assignedTo());
        return assignments.bySubscription(scope.subscriptionId()).stream()
                .filter(a -> scope.inheritsFrom(a) || (!filter.atScope() && scope.contains(a)))
                .filter(a ->
                        filter.principalId() == null || filter.principalId().equals(a.principalId()))
                .filter(a -> assignedTo == null || assignedTo.contains(a.principalId()))
                .toList();
    }

    /** The assignment named {@code assignmentId} made exactly at {@code scope}. */
    public RoleAssignment get(Caller caller, AccessScope scope, UUID assignmentId) {
        requireRead(caller, scope);
        return assignments
                .findById(scope.subscriptionId(), assignmentId)
                .filter(scope::isScopeOf)
                .orElseThrow(() -> new NotFoundException(
                        AccessError.ROLE_ASSIGNMENT_NOT_FOUND,
                        "Role assignment '" + assignmentId + "' does not exist at scope '" + scope.path() + "'."));
    }

    /**
     * Creates a role assignment named {@code assignmentId} at {@code scope} (ARM's PUT): Owner or User Access
     * Administrator there or above only, for a user, group or service principal of the subscription's directory.
     * Putting the same assignment again returns it.
     */
    public Assigned assign(Caller caller, AccessScope scope, UUID assignmentId, RoleDefinition role, UUID principalId) {
        return transactions.inTransaction(() -> {
            // lock first, so an assignment never lands beside a move that removes them all (R11) or a cancel
            assignments.lockSubscription(scope.subscriptionId());
            requireManageAccess(caller, scope);
            Optional<RoleAssignment> existing = assignments.findById(scope.subscriptionId(), assignmentId);
            if (existing.isPresent()) {
                RoleAssignment found = existing.get();
                if (found.role() == role && found.principalId().equals(principalId) && scope.isScopeOf(found)) {
                    return new Assigned(found, false);
                }
                throw new ConflictException(
                        AccessError.ROLE_ASSIGNMENT_EXISTS,
                        "A role assignment named '" + assignmentId + "' already exists with other values; "
                                + "role assignments cannot be updated, delete it first.");
            }
            PrincipalType type = principals
                    .typeOf(scope.tenantId(), principalId)
                    .orElseThrow(() -> new RuleViolationException(
                            AccessError.PRINCIPAL_NOT_FOUND,
                            "Principal '" + principalId + "' is not a user, group or service principal of the "
                                    + "directory " + scope.tenantId() + " that holds this subscription."));
            RoleAssignment created = new RoleAssignment(
                    assignmentId,
                    scope.tenantId(),
                    scope.subscriptionId(),
                    role,
                    principalId,
                    type,
                    principalOf(caller).orElse(null),
                    clock.instant(),
                    scope.resourceGroupName().orElse(null));
            assignments.insert(created);
            activity.record(
                    caller, scope, ROLE_ASSIGNMENT_TYPE + "/write", ROLE_ASSIGNMENT_TYPE, idOf(created), "Created");
            return new Assigned(created, true);
        });
    }

    /**
     * Deletes the assignment named {@code assignmentId} at {@code scope}: Owner or User Access Administrator there or
     * above. R4: a subscription keeps at least one Owner at its own scope (counted under the subscription's lock).
     */
    public RoleAssignment remove(Caller caller, AccessScope scope, UUID assignmentId) {
        return transactions.inTransaction(() -> {
            // lock first, so the caller's own Owner role and the Owners counted are read after a concurrent removal
            assignments.lockSubscription(scope.subscriptionId());
            requireManageAccess(caller, scope);
            RoleAssignment found = get(caller, scope, assignmentId);
            requireNotLastOwner(scope.subscriptionId(), found);
            assignments.delete(scope.subscriptionId(), assignmentId);
            activity.record(caller, scope, ROLE_ASSIGNMENT_TYPE + "/delete", ROLE_ASSIGNMENT_TYPE, idOf(found), "OK");
            return found;
        });
    }

    /**
     * Deletes every assignment made at a resource group that is being deleted (ARM deletes them with it); run in the
     * deleting transaction, after its write check. The count removed.
     */
    public int forgetResourceGroup(ResourceGroupScope scope) {
        return assignments.deleteByScope(scope.subscriptionId(), scope.path());
    }

    /**
     * "Check access": the assignments that give {@code principalId} (a user, group or service principal of the
     * directory) its roles at {@code scope}, each with the group it comes through, if any. Any role at the scope may
     * ask.
     */
    public List<EffectiveAssignment> checkAccess(Caller caller, AccessScope scope, UUID principalId) {
        requireRead(caller, scope);
        Set<UUID> groups = Set.copyOf(memberships.transitiveGroupsOf(scope.tenantId(), principalId));
        return assignments.bySubscription(scope.subscriptionId()).stream()
                .filter(scope::inheritsFrom)
                .filter(a -> a.principalId().equals(principalId) || groups.contains(a.principalId()))
                .map(a -> new EffectiveAssignment(
                        a, a.principalId().equals(principalId) ? null : a.principalId(), !scope.isScopeOf(a)))
                .toList();
    }

    /** What the caller may do at {@code scope} (ARM's permissions): the role of each assignment that applies there. */
    public List<RoleDefinition> permissions(Caller caller, AccessScope scope) {
        requireVisible(caller, scope.subscription());
        return applying(caller, scope).stream().map(RoleAssignment::role).toList();
    }

    /** The ARM id of a role assignment. */
    public static String idOf(RoleAssignment assignment) {
        return assignment.scope() + "/providers/" + ROLE_ASSIGNMENT_TYPE + "/" + assignment.id();
    }

    private void requireManageAccess(Caller caller, AccessScope scope) {
        requireVisible(caller, scope.subscription());
        if (rolesOf(caller, scope).stream().noneMatch(RoleDefinition::canManageAccess)) {
            throw denied("manage access to", scope, List.of("Owner", "User Access Administrator"));
        }
        writeGuard.requireWritable(scope.subscription());
    }

    /** The caller's principal and its groups, when it acts in the scope's directory; empty otherwise (R14). */
    private Set<UUID> principalIds(Caller caller, AccessScope scope) {
        Optional<UUID> principal = principalOf(caller);
        if (principal.isEmpty() || !caller.actingTenant().equals(Optional.of(scope.tenantId()))) {
            return Set.of();
        }
        return withGroups(scope.tenantId(), principal.get());
    }

    private Set<UUID> withGroups(TenantId tenantId, UUID principalId) {
        Set<UUID> ids = memberships.transitiveGroupsOf(tenantId, principalId).stream()
                .collect(Collectors.toCollection(HashSet::new));
        ids.add(principalId);
        return ids;
    }

    private static AccessDeniedException denied(String action, AccessScope scope, List<String> roles) {
        return new AccessDeniedException(
                AccessError.AUTHORIZATION_FAILED,
                "The caller does not have authorization to " + action + " scope '" + scope.path() + "'. It needs the "
                        + String.join(" or ", roles) + " role there or above.",
                roles);
    }

    private static NotFoundException notFound(SubscriptionScope scope) {
        return new NotFoundException(
                AccessError.SUBSCRIPTION_NOT_FOUND,
                "The subscription '" + scope.subscriptionId() + "' could not be found.");
    }

    private static Optional<UUID> principalOf(Caller caller) {
        return switch (caller) {
            case Caller.User user -> Optional.of(user.userId().value());
            case Caller.App app -> Optional.of(app.servicePrincipalId());
            case Caller.Operator ignored -> Optional.empty();
        };
    }

    /** The outcome of a PUT: the assignment, and whether it was created now. */
    public record Assigned(RoleAssignment assignment, boolean created) {}

    /**
     * An assignment that applies to a principal at a scope: {@code viaGroup} the group it is held through (null when
     * the principal's own), {@code inherited} when it was made above the scope.
     */
    public record EffectiveAssignment(RoleAssignment assignment, UUID viaGroup, boolean inherited) {}
}
