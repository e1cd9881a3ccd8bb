package dev.tenantry.subscriptions;

import dev.tenantry.directory.Audit;
import dev.tenantry.directory.AuditEvent;
import dev.tenantry.directory.DirectoryAccess;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.RuleViolationException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 9: a suite subscription's life after its order (R5: the directory's Global or Billing Administrators manage
 * it): seats bought and removed, a trial converted to paid, cancel and reactivate, and the lifecycle job that moves a
 * subscription on when its state runs out ({@link SuiteLifecycle}). Every change locks the SKU's subscriptions first
 * ({@link SuiteSubscriptionRepository#lockBySku}), as licence assignment does, so seats are never counted twice.
 */
public final class SuiteLifecycleService {

    private static final Logger LOG = LoggerFactory.getLogger(SuiteLifecycleService.class);

    /** How many due subscriptions one run of the job moves at most; the next run takes the rest. */
    static final int DUE_PER_RUN = 500;

    private final Catalog catalog;
    private final DirectoryAccess directoryAccess;
    private final SuiteSubscriptionRepository suites;
    private final LicenceRepository licences;
    private final BillingProfileRepository billing;
    private final Audit audit;
    private final Transactions transactions;
    private final Clock clock;

    public SuiteLifecycleService(
            Catalog catalog,
            DirectoryAccess directoryAccess,
            SuiteSubscriptionRepository suites,
            LicenceRepository licences,
            BillingProfileRepository billing,
            Audit audit,
            Transactions transactions,
            Clock clock) {
        this.catalog = catalog;
        this.directoryAccess = directoryAccess;
        this.suites = suites;
        this.licences = licences;
        this.billing = billing;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One change of a locked subscription, given the SKU's other subscriptions (locked too). */
    private interface Change {
        SuiteSubscription apply(SuiteSubscription locked, List<SuiteSubscription> sameSku);
    }

    /**
     * Buys ({@code change} above 0) or removes (below 0) seats of an enabled subscription, within what the SKU allows
     * a trial or a purchase. Removing is refused while it would leave fewer enabled seats of the SKU than licences
     * assigned, naming how many to unassign first.
     */
    public SuiteSubscription changeSeats(Caller caller, TenantId tenantId, UUID id, int change) {
        return manage(
                caller,
                tenantId,
                id,
                "change the seats of a suite subscription",
                "Change subscription seats",
                (locked, sameSku) -> {
                    if (locked.state() != SuiteSubscription.State.ENABLED) {
                        throw new ConflictException(
                                SubscriptionError.SUBSCRIPTION_NOT_ENABLED,
                                "Seats of a " + locked.state().graphName()
                                        + " subscription cannot change; reactivate it "
                                        + (locked.trial() ? "or buy it " : "")
                                        + "first.");
                    }
                    int seats = locked.seats() + change;
                    if (change < 0) {
                        requireSeatsForAssigned(locked, sameSku, seats, -change);
                    }
                    return locked.withSeats(
                            Seats.require(catalog.requireSku(locked.skuPartNumber()), seats, locked.trial()));
                });
    }

    /**
     * Turns a trial (running, or ended and not yet deleted) into a paid subscription, enabled until cancelled. It
     * needs a billing profile: {@code details} when given (stored for this subscription), else one the directory has.
     */
    public SuiteSubscription convertToPaid(Caller caller, TenantId tenantId, UUID id, BillingDetails details) {
        if (details != null) {
            details.validate(BillingDetails.currentMonth(clock));
        }
        return manage(caller, tenantId, id, "buy a suite subscription", "Convert trial to paid", (locked, sameSku) -> {
            if (!locked.trial()) {
                throw new ConflictException(
                        SubscriptionError.NOT_A_TRIAL, "This subscription is paid already; there is nothing to buy.");
            }
            if (details != null) {
                billing.insert(tenantId, details.toProfile(id));
            } else if (!billing.existsForTenant(tenantId)) {
                throw new RuleViolationException(
                        SubscriptionError.BILLING_PROFILE_REQUIRED,
                        "Buying the subscription needs a billing profile, and the directory has none: send "
                                + "'billingProfile' (name, email, phone, countryCode, addressLine1, city, postalCode,"
                                + " paymentCard) with the order.");
            }
            return locked.paid(clock.instant());
        });
    }

    /** Cancels an enabled or expired subscription: as in Microsoft 365 it is disabled (Suspended) at once. */
    public SuiteSubscription cancel(Caller caller, TenantId tenantId, UUID id) {
        return manage(caller, tenantId, id, "cancel a suite subscription", "Cancel subscription", (locked, sameSku) -> {
            if (locked.state() == SuiteSubscription.State.SUSPENDED) {
                throw new ConflictException(
                        SubscriptionError.SUBSCRIPTION_SUSPENDED,
                        "This subscription is cancelled (Suspended) already; it is deleted " + on(locked.stateEndsAt())
                                + " unless it is reactivated.");
            }
            return locked.enter(SuiteSubscription.State.SUSPENDED, clock.instant());
        });
    }

    /** Brings an expired (Warning) or cancelled (Suspended) subscription back to Enabled; an ended trial is bought. */
    public SuiteSubscription reactivate(Caller caller, TenantId tenantId, UUID id) {
        return manage(
                caller,
                tenantId,
                id,
                "reactivate a suite subscription",
                "Reactivate subscription",
                (locked, sameSku) -> {
                    if (locked.state() == SuiteSubscription.State.ENABLED) {
                        throw new ConflictException(
                                SubscriptionError.SUBSCRIPTION_ALREADY_ENABLED,
                                "This subscription is enabled already.");
                    }
                    Instant now = clock.instant();
                    if (locked.trial() && !locked.trialEndsAt().isAfter(now)) {
                        throw new RuleViolationException(
                                SubscriptionError.TRIAL_ENDED,
                                "The trial ended " + on(locked.trialEndsAt()) + "; buy the subscription to "
                                        + "reactivate it (convert the trial to paid).");
                    }
                    return locked.enter(SuiteSubscription.State.ENABLED, now);
                });
    }

    /**
     * The lifecycle job: moves every subscription whose state has run out to the next one (Enabled trial → Warning →
     * Suspended → Deleted), each step from when the last one ran out, so a server that was off catches up exactly. A
     * SKU's licences go when its last subscription is deleted. Running it again changes nothing more; each move is
     * logged on one line, with ids only. Returns how many moves it made.
     */
    public int advance() {
        Instant now = clock.instant();
        int moved = 0;
        for (SuiteSubscription due : suites.dueBy(now, DUE_PER_RUN)) {
            moved += transactions.inTransaction(() -> advance(due, now));
        }
        return moved;
    }

    private int advance(SuiteSubscription due, Instant now) {
        List<SuiteSubscription> sameSku = suites.lockBySku(due.tenantId(), due.skuId());
        Optional<SuiteSubscription> locked = find(sameSku, due.id()).filter(s -> s.isDue(now));
        if (locked.isEmpty()) {
            return 0; // changed since it was listed: reactivated, bought, or moved by another node
        }
        SuiteSubscription subscription = locked.get();
        int moves = 0;
        while (subscription.isDue(now)) {
            SuiteSubscription next = subscription.enter(subscription.state().next(), subscription.stateEndsAt());
            logMove(subscription, next, "its state ran out " + subscription.stateEndsAt());
            subscription = next;
            moves++;
        }
        suites.update(subscription);
        audit.record(
                Caller.system(),
                due.tenantId(),
                Audit.DIRECTORY_MANAGEMENT,
                "Subscription state changed",
                "Update",
                List.of(target(subscription, describe(locked.get(), subscription))));
        if (subscription.state() == SuiteSubscription.State.DELETED
                && sameSku.stream()
                        .allMatch(s -> s.id().equals(due.id()) || s.state() == SuiteSubscription.State.DELETED)) {
            int removed = licences.removeSku(due.tenantId(), due.skuId());
            LOG.info(
                    "suite subscription {} of directory {} deleted: {} licences of SKU {} removed",
                    due.id(),
                    due.tenantId(),
                    removed,
                    due.skuId());
        }
        return moves;
    }

    /** Checks access, locks the SKU's subscriptions, applies {@code change} to the one named and stores it. */
    private SuiteSubscription manage(
            Caller caller, TenantId tenantId, UUID id, String action, String activity, Change change) {
        return transactions.inTransaction(() -> {
            directoryAccess.requireUserWithRole(
                    caller,
                    tenantId,
                    SubscriptionService.SUITE_BUYERS,
                    action,
                    "Managing a subscription needs a signed-in Global Administrator or Billing Administrator.");
            SuiteSubscription found = suites.findById(tenantId, id).orElseThrow(() -> notFound(id));
            List<SuiteSubscription> sameSku = suites.lockBySku(tenantId, found.skuId());
            SuiteSubscription locked = find(sameSku, id).orElseThrow(() -> notFound(id));
            if (locked.state() == SuiteSubscription.State.DELETED) {
                throw new ConflictException(
                        SubscriptionError.SUBSCRIPTION_DELETED,
                        "This subscription was deleted; buy a new one in the store.");
            }
            SuiteSubscription changed = change.apply(locked, sameSku);
            suites.update(changed);
            if (changed.state() != locked.state()) {
                logMove(locked, changed, "by an administrator");
            }
            audit.record(
                    caller,
                    tenantId,
                    Audit.DIRECTORY_MANAGEMENT,
                    activity,
                    "Update",
                    List.of(target(changed, describe(locked, changed))));
            return changed;
        });
    }

    /** Refuses to leave fewer enabled seats of the SKU than licences assigned, naming how many to unassign first. */
    private void requireSeatsForAssigned(
            SuiteSubscription locked, List<SuiteSubscription> sameSku, int seats, int removing) {
        int enabledAfter = sameSku.stream()
                        .filter(s -> !s.id().equals(locked.id()))
                        .mapToInt(SuiteSubscription::seatsEnabled)
                        .sum()
                + seats;
        int assigned = licences.assignedBySku(locked.tenantId()).getOrDefault(locked.skuId(), 0);
        if (assigned > enabledAfter) {
            int unassign = assigned - enabledAfter;
            throw new RuleViolationException(
                    SubscriptionError.SEATS_IN_USE,
                    assigned + " licences of " + locked.skuPartNumber() + " are assigned, and removing " + removing
                            + " seats would leave " + enabledAfter + ". Unassign " + unassign + " licence"
                            + (unassign == 1 ? "" : "s") + " first, or remove fewer seats.",
                    "remove");
        }
    }

    private static AuditEvent.Target target(SuiteSubscription subscription, String detail) {
        return new AuditEvent.Target(subscription.id(), "Subscription", subscription.skuPartNumber(), detail);
    }

    /** The audit detail of a change: its state and seats before and after. */
    private static String describe(SuiteSubscription from, SuiteSubscription to) {
        return from.state().graphName() + " (" + from.seats() + " seats) -> "
                + to.state().graphName() + " (" + to.seats() + " seats)";
    }

    private static void logMove(SuiteSubscription from, SuiteSubscription to, String why) {
        LOG.info(
                "suite subscription {} of directory {}: {} -> {} ({})",
                from.id(),
                from.tenantId(),
                from.state().graphName(),
                to.state().graphName(),
                why);
    }

    private static Optional<SuiteSubscription> find(List<SuiteSubscription> sameSku, UUID id) {
        return sameSku.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    private static NotFoundException notFound(UUID id) {
        return SubscriptionService.suiteNotFound(id);
    }

    /** A date in a message: "on" the day in UTC, as ISO 8601. */
    private static String on(Instant instant) {
        return instant == null ? "soon" : "on " + instant.toString().substring(0, 10);
    }
}
