package dev.tenantry.subscriptions;

import dev.tenantry.access.AccessError;
import dev.tenantry.access.AccessService;
import dev.tenantry.access.RoleAssignmentRepository;
import dev.tenantry.access.RoleDefinition;
import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.directory.Audit;
import dev.tenantry.directory.AuditEvent;
import dev.tenantry.directory.Text;
import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Column;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.RuleViolationException;
import dev.tenantry.shared.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 10: a cloud subscription's life, as ARM's {@code Microsoft.Subscription} operations have it: cancel (it is
 * disabled at once and read-only), enable again, rename; and the lifecycle job that ends a free trial on the clock
 * and deletes a disabled subscription when its retention runs out ({@link CloudLifecycle}). Each change locks the
 * subscription's row first, as {@link SuiteLifecycleService} locks a SKU's.
 */
public final class CloudLifecycleService {

    private static final Logger LOG = LoggerFactory.getLogger(CloudLifecycleService.class);

    /** How many due subscriptions one run of the job moves at most; the next run takes the rest. */
    static final int DUE_PER_RUN = 500;

    private static final String DISPLAY_NAME_FIELD = "subscriptionName";

    private final SubscriptionService subscriptions;
    private final AccessService access;
    private final CloudSubscriptionRepository clouds;
    private final RoleAssignmentRepository assignments;
    private final CoAdministrators coAdministrators;
    private final Audit audit;
    private final Transactions transactions;
    private final Clock clock;

    /** {@code coAdministrators}: the classic administrators a deleted subscription forgets. */
    public CloudLifecycleService(
            SubscriptionService subscriptions,
            AccessService access,
            CloudSubscriptionRepository clouds,
            RoleAssignmentRepository assignments,
            CoAdministrators coAdministrators,
            Audit audit,
            Transactions transactions,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.access = access;
        this.clouds = clouds;
        this.assignments = assignments;
        this.coAdministrators = coAdministrators;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One change of a locked subscription. */
    private interface Change {
        CloudSubscription apply(CloudSubscription locked);
    }

    /**
     * Cancels the subscription (its account administrator or an Owner): it is disabled at once, read-only, and deleted
     * when the retention period ends unless it is enabled again.
     */
    public CloudSubscription cancel(Caller caller, UUID subscriptionId) {
        return manage(caller, subscriptionId, "cancel", "Cancel subscription", locked -> {
            if (locked.state() == CloudSubscription.State.DISABLED) {
                throw new ConflictException(
                        SubscriptionError.SUBSCRIPTION_DISABLED,
                        "The subscription '" + subscriptionId + "' is cancelled (Disabled) already; it is deleted "
                                + on(locked.stateEndsAt()) + " unless it is enabled again.");
            }
            Instant now = clock.instant();
            return locked.enter(CloudSubscription.State.DISABLED, now.plus(CloudLifecycle.RETENTION));
        });
    }

    /** Enables a disabled subscription again (its account administrator or an Owner); an ended free trial stays off. */
    public CloudSubscription enable(Caller caller, UUID subscriptionId) {
        return manage(caller, subscriptionId, "enable", "Enable subscription", locked -> {
            if (locked.state() == CloudSubscription.State.ENABLED) {
                throw new ConflictException(
                        SubscriptionError.SUBSCRIPTION_ALREADY_ENABLED,
                        "The subscription '" + subscriptionId + "' is enabled already.");
            }
            Optional<Instant> trialEnd = trialEnd(locked);
            Instant now = clock.instant();
            if (trialEnd.isPresent() && !trialEnd.get().isAfter(now)) {
                throw new RuleViolationException(
                        SubscriptionError.TRIAL_ENDED,
                        "The free trial ended " + on(trialEnd.get()) + ", so it cannot be enabled again; sign up for "
                                + "a pay-as-you-go subscription (MS-AZR-0003P) instead.");
            }
            return locked.enter(CloudSubscription.State.ENABLED, trialEnd.orElse(null));
        });
    }

    /** Renames the subscription (its account administrator, an Owner or a Contributor); a disabled one is read-only. */
    public CloudSubscription rename(Caller caller, UUID subscriptionId, String subscriptionName) {
        String name = Text.required(subscriptionName, DISPLAY_NAME_FIELD, Column.CLOUD_SUBSCRIPTION_DISPLAY_NAME);
        return transactions.inTransaction(() -> {
            SubscriptionScope scope = subscriptions.scope(caller, subscriptionId);
            access.requireWrite(caller, scope);
            CloudSubscription locked = lock(subscriptionId);
            CloudSubscription renamed = locked.renamed(name);
            clouds.update(renamed);
            record(caller, renamed, "Rename subscription", "'" + locked.displayName() + "' -> '" + name + "'");
            return renamed;
        });
    }

    /**
     * The lifecycle job: ends every free trial whose 30 days ran out (Disabled, kept for the retention period from
     * then) and deletes every disabled subscription whose retention ran out (its role assignments go, so nobody sees
     * it any more). Each step counts from when the last one ran out, so a server that was off catches up exactly.
     * Returns how many state changes it made.
     */
    public int advance() {
        Instant now = clock.instant();
        int moved = 0;
        for (CloudSubscription due : clouds.dueBy(now, DUE_PER_RUN)) {
            moved += transactions.inTransaction(() -> advance(due.id(), now));
        }
        return moved;
    }

    private int advance(UUID id, Instant now) {
        Optional<CloudSubscription> locked = clouds.lockById(id).filter(s -> s.isDue(now));
        if (locked.isEmpty()) {
            return 0; // changed since it was listed: enabled, or moved on by another node
        }
        CloudSubscription subscription = locked.get();
        int moves = 0;
        while (subscription.isDue(now) && subscription.state() != CloudSubscription.State.DELETED) {
            subscription = subscription.state() == CloudSubscription.State.DISABLED
                    ? subscription.enter(CloudSubscription.State.DELETED, null)
                    : subscription.enter(
                            CloudSubscription.State.DISABLED,
                            subscription.stateEndsAt().plus(CloudLifecycle.RETENTION));
            moves++;
        }
        clouds.update(subscription);
        int removed = 0;
        if (subscription.state() == CloudSubscription.State.DELETED) {
            // nobody holds any role on a deleted subscription: its assignments and classic administrators go
            removed = assignments.deleteBySubscription(id);
            coAdministrators.removeAll(id);
        }
        LOG.info(
                "cloud subscription {} of directory {}: {} -> {} (its state ran out {}; {} role assignments removed)",
                id,
                subscription.tenantId(),
                locked.get().state().armName(),
                subscription.state().armName(),
                locked.get().stateEndsAt(),
                removed);
        record(
                Caller.system(),
                subscription,
                "Subscription state changed",
                locked.get().state().armName() + " -> " + subscription.state().armName());
        return moves;
    }

    /** Checks that the caller is the account administrator or an Owner, locks, applies {@code change}, stores it. */
    private CloudSubscription manage(
            Caller caller, UUID subscriptionId, String action, String activity, Change change) {
        return transactions.inTransaction(() -> {
            SubscriptionScope scope = subscriptions.scope(caller, subscriptionId);
            CloudSubscription locked = lock(subscriptionId);
            requireAdministratorOrOwner(caller, scope, locked, action);
            CloudSubscription changed = change.apply(locked);
            clouds.update(changed);
            LOG.info(
                    "cloud subscription {} of directory {}: {} -> {} (by a user)",
                    subscriptionId,
                    locked.tenantId(),
                    locked.state().armName(),
                    changed.state().armName());
            record(
                    caller,
                    changed,
                    activity,
                    locked.state().armName() + " -> " + changed.state().armName());
            return changed;
        });
    }

    private void requireAdministratorOrOwner(
            Caller caller, SubscriptionScope scope, CloudSubscription subscription, String action) {
        boolean administrator = caller instanceof Caller.User user
                && user.tenantId().equals(subscription.tenantId())
                && user.userId().equals(subscription.accountAdministrator());
        Set<RoleDefinition> roles = access.rolesOf(caller, scope);
        if (!administrator && !roles.contains(RoleDefinition.OWNER)) {
            throw new AccessDeniedException(
                    AccessError.AUTHORIZATION_FAILED,
                    "The caller does not have authorization to " + action + " the subscription '" + subscription.id()
                            + "'. It needs to be the account administrator or hold the Owner role there.",
                    List.of("Account administrator", "Owner"));
        }
    }

    private CloudSubscription lock(UUID subscriptionId) {
        return clouds.lockById(subscriptionId)
                .orElseThrow(() -> new NotFoundException(
                        AccessError.SUBSCRIPTION_NOT_FOUND,
                        "The subscription '" + subscriptionId + "' could not be found."));
    }

    /** When the subscription's free trial ends, if it is one. */
    private Optional<Instant> trialEnd(CloudSubscription subscription) {
        return subscriptions
                .catalog()
                .offer(subscription.offerId())
                .filter(CloudLifecycle::isFreeTrial)
                .map(offer -> CloudLifecycle.trialEnd(subscription.createdAt()));
    }

    private void record(Caller caller, CloudSubscription subscription, String activity, String detail) {
        audit.record(
                caller,
                subscription.tenantId(),
                Audit.DIRECTORY_MANAGEMENT,
                activity,
                "Update",
                List.of(new AuditEvent.Target(subscription.id(), "Subscription", subscription.displayName(), detail)));
    }

    /** A date in a message: "on" the day in UTC, as ISO 8601. */
    private static String on(Instant instant) {
        return instant == null ? "soon" : "on " + instant.toString().substring(0, 10);
    }
}
