package dev.tenantry.subscriptions;

import dev.tenantry.access.AccessService;
import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.directory.Audit;
import dev.tenantry.directory.AuditEvent;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserRepository;
import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.RuleViolationException;
import dev.tenantry.shared.Transactions;
import dev.tenantry.shared.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The classic administrators of a cloud subscription (issue 10, R4): its account administrator (the billing owner),
 * its service administrator (the account administrator unless the account administrator chose another user of the
 * directory) and its co-administrators (added and removed by the account or the service administrator). As Azure now
 * does, the service administrator and each co-administrator hold Owner: the role grants it and taking the role away
 * removes that Owner assignment again, never the subscription's last Owner.
 */
public final class SubscriptionAdministrators implements CoAdministrators {

    /** Entra's audit category for role changes; classic administrator roles are roles on a subscription. */
    static final String AUDIT_CATEGORY = "RoleManagement";

    private final SubscriptionService subscriptions;
    private final CloudSubscriptionRepository clouds;
    private final SubscriptionAdministratorRepository administrators;
    private final UserRepository users;
    private final AccessService access;
    private final Audit audit;
    private final Transactions transactions;
    private final Clock clock;

    public SubscriptionAdministrators(
            SubscriptionService subscriptions,
            CloudSubscriptionRepository clouds,
            SubscriptionAdministratorRepository administrators,
            UserRepository users,
            AccessService access,
            Audit audit,
            Transactions transactions,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.clouds = clouds;
        this.administrators = administrators;
        this.users = users;
        this.access = access;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The classic administrators of a subscription the caller may read, as ARM lists them: the account administrator
     * first (with the service administrator's role too when they are the same user), then the service administrator,
     * then the co-administrators, oldest first. A user deleted since is left out; a deleted service administrator
     * falls back to the account administrator.
     */
    public List<ClassicAdministrator> list(Caller caller, UUID subscriptionId) {
        return transactions.inTransaction(() -> administratorsOf(readable(caller, subscriptionId)));
    }

    /**
     * The account administrator makes {@code userId}, a user of the subscription's directory, its service
     * administrator; naming the account administrator goes back to the default. The new one holds Owner; the one
     * replaced loses the Owner assignment its role gave it.
     */
    public List<ClassicAdministrator> changeServiceAdministrator(Caller caller, UUID subscriptionId, UserId userId) {
        return transactions.inTransaction(() -> {
            CloudSubscription subscription = lockedForAdministration(caller, subscriptionId);
            requireAccountAdministrator(caller, subscription, "change the service administrator");
            User chosen = requireDirectoryUser(subscription, userId, "userId");
            Optional<ClassicAdministratorGrant> current = grant(subscription, ClassicRole.SERVICE_ADMINISTRATOR);
            UserId serviceAdministrator =
                    current.map(ClassicAdministratorGrant::userId).orElse(subscription.accountAdministrator());
            if (serviceAdministrator.equals(chosen.id())) {
                return administratorsOf(subscription);
            }
            SubscriptionScope scope = scopeOf(subscription);
            if (!chosen.id().equals(subscription.accountAdministrator())) {
                UUID owner = takeCoAdministratorOwner(subscription, chosen.id())
                        .orElseGet(() -> ensureOwner(scope, chosen.id()));
                administrators.insertGrant(new ClassicAdministratorGrant(
                        subscription.id(), ClassicRole.SERVICE_ADMINISTRATOR, chosen.id(), owner, clock.instant()));
            } else {
                ensureOwner(scope, chosen.id());
            }
            administrators.grants(subscription.id()).stream()
                    .filter(g -> g.role() == ClassicRole.SERVICE_ADMINISTRATOR
                            && !g.userId().equals(chosen.id()))
                    .forEach(previous -> {
                        administrators.deleteGrant(
                                subscription.id(), ClassicRole.SERVICE_ADMINISTRATOR, previous.userId());
                        revokeOwnerOf(scope, previous);
                    });
            record(caller, subscription, "Change service administrator", "Update", chosen);
            return administratorsOf(subscription);
        });
    }

    /**
     * The account or service administrator makes {@code userId}, a user of the subscription's directory, a
     * co-administrator, who then holds Owner. Adding a co-administrator again answers it unchanged.
     */
    public Added addCoAdministrator(Caller caller, UUID subscriptionId, UserId userId) {
        return transactions.inTransaction(() -> {
            CloudSubscription subscription = lockedForAdministration(caller, subscriptionId);
            requireSubscriptionAdministrator(caller, subscription, "add a co-administrator");
            User user = requireDirectoryUser(subscription, userId, "userId");
            ClassicAdministrator held = administratorsOf(subscription).stream()
                    .filter(a -> a.user().id().equals(user.id()))
                    .findFirst()
                    .orElse(null);
            if (held != null && held.holds(ClassicRole.CO_ADMINISTRATOR)) {
                return new Added(held, false);
            }
            if (held != null) {
                throw new ConflictException(
                        SubscriptionError.ALREADY_ADMINISTRATOR,
                        user.userPrincipalName() + " is already the " + held.armRole()
                                + " of this subscription, which includes everything a co-administrator may do.",
                        "userId");
            }
            UUID owner = ensureOwner(scopeOf(subscription), user.id());
            administrators.insertGrant(new ClassicAdministratorGrant(
                    subscription.id(), ClassicRole.CO_ADMINISTRATOR, user.id(), owner, clock.instant()));
            record(caller, subscription, "Add co-administrator", "Add", user);
            return new Added(new ClassicAdministrator(user, Set.of(ClassicRole.CO_ADMINISTRATOR)), true);
        });
    }

    /**
     * The account or service administrator takes the co-administrator role from {@code userId}, with the Owner
     * assignment it gave (refused when that is the subscription's last Owner). The account and the service
     * administrator's roles are not removed this way.
     */
    public void removeCoAdministrator(Caller caller, UUID subscriptionId, UserId userId) {
        transactions.inTransaction(() -> {
            CloudSubscription subscription = lockedForAdministration(caller, subscriptionId);
            requireSubscriptionAdministrator(caller, subscription, "remove a co-administrator");
            if (subscription.accountAdministrator().equals(userId)) {
                throw new RuleViolationException(
                        SubscriptionError.ACCOUNT_ADMINISTRATOR_ROLE_FIXED,
                        "The account administrator's role cannot be removed: it is the subscription's billing owner "
                                + "(R4). Transfer billing ownership to another user instead.",
                        "userId");
            }
            Optional<ClassicAdministratorGrant> service = grant(subscription, ClassicRole.SERVICE_ADMINISTRATOR);
            if (service.isPresent() && service.get().userId().equals(userId)) {
                throw new RuleViolationException(
                        SubscriptionError.SERVICE_ADMINISTRATOR_ROLE_FIXED,
                        "This user is the service administrator, not a co-administrator; the account administrator "
                                + "replaces the service administrator by choosing another user.",
                        "userId");
            }
            ClassicAdministratorGrant coAdministrator = administrators.grants(subscription.id()).stream()
                    .filter(g -> g.role() == ClassicRole.CO_ADMINISTRATOR
                            && g.userId().equals(userId))
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException(
                            SubscriptionError.NOT_A_CO_ADMINISTRATOR,
                            "User '" + userId + "' is not a co-administrator of this subscription."));
            administrators.deleteGrant(subscription.id(), ClassicRole.CO_ADMINISTRATOR, userId);
            revokeOwnerOf(scopeOf(subscription), coAdministrator);
            record(caller, subscription, "Remove co-administrator", "Delete", userTarget(subscription, userId));
            return null;
        });
    }

    /**
     * The sign-in names of the users holding a classic administrator role of the subscription besides its account
     * administrator (an explicitly chosen service administrator, the co-administrators), for the confirmation of a move
     * to another directory (R11). Runs in the caller's transaction.
     */
    @Override
    public List<String> namesOf(UUID subscriptionId) {
        return clouds.findById(subscriptionId)
                .map(subscription -> administrators.grants(subscriptionId).stream()
                        .map(g -> users.findById(subscription.tenantId(), g.userId()))
                        .flatMap(Optional::stream)
                        .map(User::userPrincipalName)
                        .distinct()
                        .toList())
                .orElse(List.of());
    }

    /**
     * Forgets every classic administrator role of the subscription but its account administrator, and cancels its
     * pending billing ownership transfers, in the caller's transaction and without any check: for moving a
     * subscription to another directory (R11), whose caller removes the role assignments itself. The roles removed.
     */
    @Override
    public int removeAll(UUID subscriptionId) {
        int removed = administrators.deleteGrants(subscriptionId);
        administrators.transfers(subscriptionId).stream()
                .filter(t -> t.state() == BillingTransfer.State.PENDING)
                .forEach(t ->
                        administrators.updateTransfer(t.completed(BillingTransfer.State.CANCELLED, clock.instant())));
        return removed;
    }

    /** The outcome of adding a co-administrator: the administrator, and whether it was added now. */
    public record Added(ClassicAdministrator administrator, boolean created) {}

    // --- shared with BillingOwnershipTransfers ---

    /** The subscription the caller may read, with its role assignments locked for the rest of the transaction. */
    CloudSubscription lockedForAdministration(Caller caller, UUID subscriptionId) {
        CloudSubscription subscription = readable(caller, subscriptionId);
        access.lock(scopeOf(subscription));
        return clouds.findById(subscriptionId).orElse(subscription);
    }

    /**
     * The subscription, for a caller with a role on it or for its account administrator, who owns it (R4) even after
     * giving up every role assignment; anyone else is told it does not exist.
     */
    CloudSubscription readable(Caller caller, UUID subscriptionId) {
        Optional<CloudSubscription> found = clouds.findById(subscriptionId);
        if (found.isPresent() && caller instanceof Caller.User && isAccountAdministrator(caller, found.get())) {
            return found.get();
        }
        return subscriptions.getCloudSubscription(caller, subscriptionId);
    }

    void requireAccountAdministrator(Caller caller, CloudSubscription subscription, String action) {
        if (!isAccountAdministrator(caller, subscription)) {
            throw new AccessDeniedException(
                    SubscriptionError.NOT_ACCOUNT_ADMINISTRATOR,
                    "Only the subscription's account administrator can " + action
                            + "; ask the account administrator to do it.");
        }
    }

    /** A user of the subscription's directory (R14: only its own users, guests once they exist there) who is enabled. */
    User requireDirectoryUser(CloudSubscription subscription, UserId userId, String field) {
        User user = users.findById(subscription.tenantId(), userId)
                .orElseThrow(() -> new RuleViolationException(
                        SubscriptionError.NOT_A_DIRECTORY_USER,
                        "User '" + userId + "' is not a user of the directory that holds this subscription; choose a "
                                + "user of the directory, or invite the person as a guest first.",
                        field));
        if (!user.accountEnabled()) {
            throw new RuleViolationException(
                    SubscriptionError.USER_DISABLED,
                    user.userPrincipalName() + " is disabled and cannot administer a subscription; enable the "
                            + "account first or choose another user.",
                    field);
        }
        return user;
    }

    /** The Owner assignment the user holds at subscription scope, granted now when it holds none; null if held. */
    UUID ensureOwner(SubscriptionScope scope, UserId userId) {
        if (access.ownerAssignment(scope, userId.value()).isPresent()) {
            return null;
        }
        return access.grantOwner(scope, userId.value()).id();
    }

    Optional<ClassicAdministratorGrant> grant(CloudSubscription subscription, ClassicRole role) {
        return administrators.grants(subscription.id()).stream()
                .filter(g -> g.role() == role)
                .filter(g -> users.findById(subscription.tenantId(), g.userId()).isPresent())
                .findFirst();
    }

    void record(Caller caller, CloudSubscription subscription, String activity, String operation, User user) {
        record(caller, subscription, activity, operation, AuditEvent.Target.user(user));
    }

    void record(
            Caller caller, CloudSubscription subscription, String activity, String operation, AuditEvent.Target user) {
        audit.record(
                caller,
                subscription.tenantId(),
                AUDIT_CATEGORY,
                activity,
                operation,
                List.of(
                        new AuditEvent.Target(
                                subscription.id(),
                                "Subscription",
                                subscription.displayName(),
                                subscription.id().toString()),
                        user));
    }

    static SubscriptionScope scopeOf(CloudSubscription subscription) {
        return new SubscriptionScope(subscription.tenantId(), subscription.id());
    }

    private AuditEvent.Target userTarget(CloudSubscription subscription, UserId userId) {
        return users.findById(subscription.tenantId(), userId)
                .map(AuditEvent.Target::user)
                .orElseGet(() -> Audit.userTarget(userId, null));
    }

    private void requireSubscriptionAdministrator(Caller caller, CloudSubscription subscription, String action) {
        boolean serviceAdministrator = caller instanceof Caller.User user
                && user.tenantId().equals(subscription.tenantId())
                && grant(subscription, ClassicRole.SERVICE_ADMINISTRATOR)
                        .map(g -> g.userId().equals(user.userId()))
                        .orElse(false);
        if (!serviceAdministrator && !isAccountAdministrator(caller, subscription)) {
            throw new AccessDeniedException(
                    SubscriptionError.NOT_SUBSCRIPTION_ADMINISTRATOR,
                    "Only the subscription's account administrator or service administrator can " + action
                            + "; ask one of them to do it.");
        }
    }

    private static boolean isAccountAdministrator(Caller caller, CloudSubscription subscription) {
        return switch (caller) {
            case Caller.User user ->
                user.tenantId().equals(subscription.tenantId())
                        && user.userId().equals(subscription.accountAdministrator());
            case Caller.App ignored -> false;
            case Caller.Operator ignored -> true;
        };
    }

    /** A co-administrator becoming service administrator keeps the Owner assignment its role gave. */
    private Optional<UUID> takeCoAdministratorOwner(CloudSubscription subscription, UserId userId) {
        Optional<ClassicAdministratorGrant> co = administrators.grants(subscription.id()).stream()
                .filter(g ->
                        g.role() == ClassicRole.CO_ADMINISTRATOR && g.userId().equals(userId))
                .findFirst();
        co.ifPresent(g -> administrators.deleteGrant(subscription.id(), ClassicRole.CO_ADMINISTRATOR, userId));
        return co.map(ClassicAdministratorGrant::ownerAssignmentId);
    }

    private void revokeOwnerOf(SubscriptionScope scope, ClassicAdministratorGrant grant) {
        if (grant.ownerAssignmentId() != null) {
            access.revokeOwner(scope, grant.ownerAssignmentId());
        }
    }

    private List<ClassicAdministrator> administratorsOf(CloudSubscription subscription) {
        Map<UserId, Set<ClassicRole>> roles = new LinkedHashMap<>();
        UserId accountAdministrator = subscription.accountAdministrator();
        roles.put(accountAdministrator, EnumSet.of(ClassicRole.ACCOUNT_ADMINISTRATOR));
        UserId serviceAdministrator = grant(subscription, ClassicRole.SERVICE_ADMINISTRATOR)
                .map(ClassicAdministratorGrant::userId)
                .orElse(accountAdministrator);
        roles.computeIfAbsent(serviceAdministrator, id -> EnumSet.noneOf(ClassicRole.class))
                .add(ClassicRole.SERVICE_ADMINISTRATOR);
        administrators.grants(subscription.id()).stream()
                .filter(g -> g.role() == ClassicRole.CO_ADMINISTRATOR)
                .forEach(g -> roles.computeIfAbsent(g.userId(), id -> EnumSet.noneOf(ClassicRole.class))
                        .add(ClassicRole.CO_ADMINISTRATOR));
        List<ClassicAdministrator> listed = new ArrayList<>();
        roles.forEach((userId, held) -> users.findById(subscription.tenantId(), userId)
                .ifPresent(user -> listed.add(new ClassicAdministrator(user, held))));
        return listed;
    }
}
