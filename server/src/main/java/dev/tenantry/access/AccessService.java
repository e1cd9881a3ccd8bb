package dev.tenantry.access;

import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.RuleViolationException;
import dev.tenantry.shared.Transactions;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Azure RBAC on cloud subscriptions: who holds which role, and the checks every use case on a subscription makes.
 * A caller without any role on a subscription is told it does not exist, as ARM does.
 */
public final class AccessService {

    private final RoleAssignmentRepository assignments;
    private final PrincipalDirectory principals;
    private final Transactions transactions;
    private final Clock clock;
    private final WriteGuard writeGuard;

    public AccessService(
            RoleAssignmentRepository assignments,
            PrincipalDirectory principals,
            Transactions transactions,
            Clock clock) {
        this(assignments, principals, transactions, clock, WriteGuard.none());
    }

    /** With {@code writeGuard} asked before every write allowed (a disabled subscription is read-only). */
    public AccessService(
            RoleAssignmentRepository assignments,
            PrincipalDirectory principals,
            Transactions transactions,
            Clock clock,
            WriteGuard writeGuard) {
        this.assignments = assignments;
        this.principals = principals;
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

    /** The roles the caller holds on the subscription; empty for none or for another directory's caller (R14). */
    public Set<RoleDefinition> rolesOf(Caller caller, SubscriptionScope scope) {
        Optional<UUID> principal = principalOf(caller);
        if (caller instanceof Caller.Operator) {
            return EnumSet.allOf(RoleDefinition.class);
        }
        if (principal.isEmpty() || !caller.actingTenant().equals(Optional.of(scope.tenantId()))) {
            return Set.of();
        }
        Set<RoleDefinition> held = EnumSet.noneOf(RoleDefinition.class);
        assignments.bySubscription(scope.subscriptionId()).stream()
                .filter(a -> a.principalId().equals(principal.get()))
                .forEach(a -> held.add(a.role()));
        return held;
    }

    /** The ids of every subscription on which the caller holds any role. */
    public Set<UUID> subscriptionsOf(Caller caller) {
        return principalOf(caller)
                .map(principal -> Set.copyOf(assignments.byPrincipal(principal).stream()
                        .filter(a -> caller.actingTenant().equals(Optional.of(a.tenantId())))
                        .map(RoleAssignment::subscriptionId)
                        .toList()))
                .orElse(Set.of());
    }

    /** Reading a subscription or anything in it: any role. Without one, the subscription "does not exist". */
    public void requireRead(Caller caller, SubscriptionScope scope) {
        if (rolesOf(caller, scope).isEmpty()) {
            throw notFound(scope);
        }
    }

    /** Creating, changing and deleting resources: Owner or Contributor. */
    public void requireWrite(Caller caller, SubscriptionScope scope) {
        Set<RoleDefinition> held = rolesOf(caller, scope);
        requireRead(caller, scope);
        if (held.stream().noneMatch(RoleDefinition::canWriteResources)) {
            throw denied("write resources in", scope, List.of("Owner", "Contributor"));
        }
        writeGuard.requireWritable(scope);
    }

    public List<RoleAssignment> list(Caller caller, SubscriptionScope scope) {
        requireRead(caller, scope);
        return assignments.bySubscription(scope.subscriptionId());
    }

    public RoleAssignment get(Caller caller, SubscriptionScope scope, UUID assignmentId) {
        requireRead(caller, scope);
        return assignments
                .findById(scope.subscriptionId(), assignmentId)
                .orElseThrow(() -> new NotFoundException(
                        AccessError.ROLE_ASSIGNMENT_NOT_FOUND,
                        "Role assignment '" + assignmentId + "' does not exist."));
    }

    /**
     * Creates a role assignment named {@code assignmentId} (ARM's PUT): Owner or User Access Administrator only, for a
     * user or service principal of the subscription's directory. Putting the same assignment again returns it.
     */
    public Assigned assign(
            Caller caller, SubscriptionScope scope, UUID assignmentId, RoleDefinition role, UUID principalId) {
        return transactions.inTransaction(() -> {
            // lock first, so an assignment never lands beside a move that removes them all (R11) or a cancel
            assignments.lockSubscription(scope.subscriptionId());
            requireManageAccess(caller, scope);
            Optional<RoleAssignment> existing = assignments.findById(scope.subscriptionId(), assignmentId);
            if (existing.isPresent()) {
                RoleAssignment found = existing.get();
                if (found.role() == role && found.principalId().equals(principalId)) {
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
                            "Principal '" + principalId + "' is not a user or service principal of the directory "
                                    + scope.tenantId() + " that holds this subscription."));
            RoleAssignment created = new RoleAssignment(
                    assignmentId,
                    scope.tenantId(),
                    scope.subscriptionId(),
                    role,
                    principalId,
                    type,
                    principalOf(caller).orElse(null),
                    clock.instant());
            assignments.insert(created);
            return new Assigned(created, true);
        });
    }

    public RoleAssignment remove(Caller caller, SubscriptionScope scope, UUID assignmentId) {
        return transactions.inTransaction(() -> {
            // lock first, so the caller's own Owner role and the Owners counted are read after a concurrent removal
            assignments.lockSubscription(scope.subscriptionId());
            requireManageAccess(caller, scope);
            RoleAssignment found = get(caller, scope, assignmentId);
            boolean lastOwner = found.role() == RoleDefinition.OWNER
                    && assignments.bySubscription(scope.subscriptionId()).stream()
                                    .filter(a -> a.role() == RoleDefinition.OWNER)
                                    .count()
                            == 1;
            if (lastOwner) {
                throw new RuleViolationException(
                        AccessError.LAST_OWNER, "A subscription keeps at least one Owner; assign another Owner first.");
            }
            assignments.delete(scope.subscriptionId(), assignmentId);
            return found;
        });
    }

    private void requireManageAccess(Caller caller, SubscriptionScope scope) {
        Set<RoleDefinition> held = rolesOf(caller, scope);
        requireRead(caller, scope);
        if (held.stream().noneMatch(RoleDefinition::canManageAccess)) {
            throw denied("manage access to", scope, List.of("Owner", "User Access Administrator"));
        }
        writeGuard.requireWritable(scope);
    }

    private static AccessDeniedException denied(String action, SubscriptionScope scope, List<String> roles) {
        return new AccessDeniedException(
                AccessError.AUTHORIZATION_FAILED,
                "The caller does not have authorization to " + action + " scope '" + scope.path() + "'. It needs the "
                        + String.join(" or ", roles) + " role there.",
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
}
