package dev.tenantry.subscriptions;

import dev.tenantry.access.AccessError;
import dev.tenantry.access.AccessService;
import dev.tenantry.access.PrincipalType;
import dev.tenantry.access.RoleAssignment;
import dev.tenantry.access.RoleAssignmentRepository;
import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.directory.Audit;
import dev.tenantry.directory.AuditEvent;
import dev.tenantry.directory.DirectoryMemberships;
import dev.tenantry.directory.Tenant;
import dev.tenantry.directory.TenantRepository;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserRepository;
import dev.tenantry.directory.apps.ApplicationRepository;
import dev.tenantry.directory.apps.ServicePrincipal;
import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.RequestError;
import dev.tenantry.shared.RuleViolationException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.Transactions;
import dev.tenantry.shared.UserId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * R11: the account administrator moves a cloud subscription to another directory in which they are a user (member or
 * guest, as {@link DirectoryMemberships} answers). The move, in one transaction with the subscription locked, removes
 * every role assignment and co-administrator of the old directory, puts the subscription under the target, keeps the
 * account administrator as its billing owner acting through their user object there, and gives that object Owner; it
 * is audited in both directories. The subscription's managed identities lose their service principals in the old
 * directory ({@link DirectoryBoundIdentities}, issue 11), as Azure asks for them to be enabled or created again.
 */
public final class ChangeDirectoryService {

    private static final String ACTION = "move a subscription to another directory";

    private final SubscriptionService subscriptions;
    private final CloudSubscriptionRepository clouds;
    private final RoleAssignmentRepository assignments;
    private final AccessService access;
    private final DirectoryMemberships memberships;
    private final CoAdministrators coAdministrators;
    private final Directories directories;
    private final Audit audit;
    private final Transactions transactions;
    private final DirectoryBoundIdentities identities;

    /**
     * The managed identities a move must reset, since their service principals belong to the old directory (issue 11):
     * {@link ManagedIdentityService}.
     */
    public interface DirectoryBoundIdentities {
        /** None: moves leave no identities to reset. */
        DirectoryBoundIdentities NONE = new DirectoryBoundIdentities() {
            @Override
            public List<String> namesForMove(UUID subscriptionId) {
                return List.of();
            }

            @Override
            public int forgetForMove(UUID subscriptionId) {
                return 0;
            }
        };

        /** The subscription's managed identities a move would reset, described for the confirmation, by name. */
        List<String> namesForMove(UUID subscriptionId);

        /** Removes the subscription's managed identities' principals in the transaction; returns how many. */
        int forgetForMove(UUID subscriptionId);
    }

    /** A service whose moves leave managed identities alone (for callers that have none). */
    public ChangeDirectoryService(
            SubscriptionService subscriptions,
            CloudSubscriptionRepository clouds,
            RoleAssignmentRepository assignments,
            AccessService access,
            DirectoryMemberships memberships,
            CoAdministrators coAdministrators,
            Directories directories,
            Audit audit,
            Transactions transactions) {
        this(
                subscriptions,
                clouds,
                assignments,
                access,
                memberships,
                coAdministrators,
                directories,
                audit,
                transactions,
                DirectoryBoundIdentities.NONE);
    }

    /** A service whose moves reset the subscription's managed identities through {@code identities}. */
    public ChangeDirectoryService(
            SubscriptionService subscriptions,
            CloudSubscriptionRepository clouds,
            RoleAssignmentRepository assignments,
            AccessService access,
            DirectoryMemberships memberships,
            CoAdministrators coAdministrators,
            Directories directories,
            Audit audit,
            Transactions transactions,
            DirectoryBoundIdentities identities) {
        this.identities = identities;
        this.subscriptions = subscriptions;
        this.clouds = clouds;
        this.assignments = assignments;
        this.access = access;
        this.memberships = memberships;
        this.coAdministrators = coAdministrators;
        this.directories = directories;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** The directory ports the move reads: the target, and the names of what it removes. */
    public record Directories(TenantRepository tenants, UserRepository users, ApplicationRepository applications) {}

    /** One role assignment a move removes, described for the confirmation page. */
    public record Removal(String principalName, String principalType, String role, String scope) {}

    /**
     * What moving the subscription to {@code target} would do: every role assignment and co-administrator it removes,
     * and the managed identities it resets (issue 11).
     */
    public record Preview(
            CloudSubscription subscription,
            Tenant target,
            List<Removal> roleAssignments,
            List<String> coAdministrators,
            List<String> managedIdentities) {}

    /** A move made: the subscription in its new directory, where it came from, and what it removed. */
    public record Moved(
            CloudSubscription subscription, TenantId from, int roleAssignmentsRemoved, int coAdministratorsRemoved) {}

    /** The directories other than the subscription's in which the account administrator could act, for choosing one. */
    public List<Tenant> targets(Caller caller, UUID subscriptionId) {
        return transactions.inTransaction(() -> {
            Caller.User user = SubscriptionService.requireUser(caller, ACTION);
            CloudSubscription subscription = subscriptions.getCloudSubscription(caller, subscriptionId);
            requireAccountAdministrator(user, subscription);
            return memberships.directoriesOf(user.home()).stream()
                    .filter(t -> !t.equals(subscription.tenantId()))
                    .map(t -> directories.tenants().findById(t))
                    .flatMap(Optional::stream)
                    .toList();
        });
    }

    /** Checks the move as {@link #changeDirectory} would and says what it would remove, changing nothing. */
    public Preview preview(Caller caller, UUID subscriptionId, String targetTenantId) {
        return transactions.inTransaction(() -> {
            Checked checked = check(caller, subscriptionId, targetTenantId);
            List<Removal> removals = assignments.bySubscription(subscriptionId).stream()
                    .map(a -> removal(checked.subscription().tenantId(), a))
                    .toList();
            return new Preview(
                    checked.subscription(),
                    checked.target(),
                    removals,
                    coAdministrators.namesOf(subscriptionId),
                    identities.namesForMove(subscriptionId));
        });
    }

    /** R11: moves the subscription to the directory {@code targetTenantId} names (see the class comment). */
    public Moved changeDirectory(Caller caller, UUID subscriptionId, String targetTenantId) {
        return transactions.inTransaction(() -> {
            Checked checked = check(caller, subscriptionId, targetTenantId);
            CloudSubscription from = checked.subscription();
            int removedAssignments = assignments.deleteBySubscription(subscriptionId);
            int removedCoAdministrators = coAdministrators.removeAll(subscriptionId);
            int removedIdentities = identities.forgetForMove(subscriptionId);
            CloudSubscription moved = from.movedTo(checked.target().id(), checked.actingAs());
            clouds.update(moved);
            access.grantOwner(
                    new SubscriptionScope(moved.tenantId(), moved.id()),
                    checked.actingAs().value());
            String removed = removedAssignments + " role assignment" + (removedAssignments == 1 ? "" : "s") + " and "
                    + removedCoAdministrators + " co-administrator" + (removedCoAdministrators == 1 ? "" : "s")
                    + " removed"
                    + (removedIdentities == 0
                            ? ""
                            : "; " + removedIdentities + " managed identit" + (removedIdentities == 1 ? "y" : "ies")
                                    + " to enable or create again");
            record(caller, from.tenantId(), moved, "Moved to directory " + moved.tenantId() + "; " + removed + ".");
            record(
                    caller,
                    moved.tenantId(),
                    moved,
                    "Moved from directory " + from.tenantId() + "; account administrator " + checked.actingAs()
                            + " holds Owner; " + removed + ".");
            return new Moved(moved, from.tenantId(), removedAssignments, removedCoAdministrators);
        });
    }

    private record Checked(CloudSubscription subscription, Tenant target, UserId actingAs) {}

    /** Every refusal of R11, in the order a caller can fix them; locks the subscription. */
    private Checked check(Caller caller, UUID subscriptionId, String targetTenantId) {
        Caller.User user = SubscriptionService.requireUser(caller, ACTION);
        TenantId target = parseTarget(targetTenantId);
        subscriptions.getCloudSubscription(caller, subscriptionId); // without a role it does not exist (R14)
        CloudSubscription subscription = clouds.lockById(subscriptionId)
                .orElseThrow(() -> new NotFoundException(
                        AccessError.SUBSCRIPTION_NOT_FOUND,
                        "The subscription '" + subscriptionId + "' could not be found."));
        requireAccountAdministrator(user, subscription);
        if (subscription.state() == CloudSubscription.State.DISABLED) {
            throw new ConflictException(
                    SubscriptionError.SUBSCRIPTION_DISABLED,
                    "The subscription '" + subscriptionId + "' is disabled, and a disabled subscription cannot change "
                            + "directory. Re-enable it first (POST /subscriptions/" + subscriptionId
                            + "/providers/Microsoft.Subscription/enable), then move it.");
        }
        Optional<Offer> offer = subscriptions.catalog().offer(subscription.offerId());
        if (offer.isPresent() && !offer.get().selfService()) {
            throw new RuleViolationException(
                    SubscriptionError.ENTERPRISE_SUBSCRIPTION_NOT_MOVABLE,
                    "The subscription is of the offer " + offer.get().id() + " ("
                            + offer.get().displayName()
                            + "), sold through an enterprise agreement: it changes directory through its enrollment"
                            + " (the agreement's account owner), not here.");
        }
        if (target.equals(subscription.tenantId())) {
            throw new RuleViolationException(
                    SubscriptionError.SAME_DIRECTORY,
                    "The subscription is in the directory " + target + " already; choose another directory.",
                    "targetTenantId");
        }
        // not a user there, or no such directory: one answer, so the move tells nobody which directories exist
        Optional<UserId> actingAs = memberships.userIn(target, user.home());
        Optional<Tenant> tenant = actingAs.flatMap(as -> directories.tenants().findById(target));
        if (actingAs.isEmpty() || tenant.isEmpty()) {
            throw new RuleViolationException(
                    SubscriptionError.NOT_A_USER_OF_TARGET_DIRECTORY,
                    "You are not a user of the directory " + target + " (or there is no such directory). A "
                            + "subscription moves only to a directory in which its account administrator is a member"
                            + " or a guest: ask an administrator of that directory to invite you as a guest, accept "
                            + "the invitation, then try again.",
                    "targetTenantId");
        }
        return new Checked(subscription, tenant.get(), actingAs.get());
    }

    private static TenantId parseTarget(String targetTenantId) {
        if (targetTenantId == null || targetTenantId.isBlank()) {
            throw new InvalidRequestException(
                    RequestError.MISSING_FIELD,
                    "'targetTenantId' is required: the id (a GUID) of the directory to move the subscription to.",
                    "targetTenantId");
        }
        return TenantId.parse(targetTenantId.strip());
    }

    /** R4, R11: the caller acts as the subscription's account administrator, in its directory. */
    private static void requireAccountAdministrator(Caller.User user, CloudSubscription subscription) {
        if (!user.tenantId().equals(subscription.tenantId())
                || !user.userId().equals(subscription.accountAdministrator())) {
            throw new AccessDeniedException(
                    SubscriptionError.ACCOUNT_ADMINISTRATOR_REQUIRED,
                    "Only the subscription's account administrator can " + ACTION + "; being an Owner is not "
                            + "enough. Ask the account administrator to move it, or to transfer billing ownership to"
                            + " you first.",
                    List.of("Account administrator"));
        }
    }

    private Removal removal(TenantId tenantId, RoleAssignment assignment) {
        String name = assignment.principalType() == PrincipalType.USER
                ? directories
                        .users()
                        .findById(tenantId, new UserId(assignment.principalId()))
                        .map(User::userPrincipalName)
                        .orElse(assignment.principalId().toString())
                : directories
                        .applications()
                        .findServicePrincipal(tenantId, assignment.principalId())
                        .map(ServicePrincipal::displayName)
                        .orElse(assignment.principalId().toString());
        return new Removal(
                name, assignment.principalType().armName(), assignment.role().roleName(), assignment.scope());
    }

    private void record(Caller caller, TenantId tenantId, CloudSubscription subscription, String detail) {
        audit.record(
                caller,
                tenantId,
                Audit.DIRECTORY_MANAGEMENT,
                "Change subscription directory",
                "Update",
                List.of(new AuditEvent.Target(subscription.id(), "Subscription", subscription.displayName(), detail)));
    }
}
