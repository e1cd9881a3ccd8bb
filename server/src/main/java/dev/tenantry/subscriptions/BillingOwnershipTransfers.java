package dev.tenantry.subscriptions;

import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.directory.Audit;
import dev.tenantry.directory.User;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.Transactions;
import dev.tenantry.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Transferring a cloud subscription's billing ownership (R4, issue 10): its account administrator names another user
 * of the directory, who accepts within {@link BillingTransfer#VALIDITY}; the sender may cancel before. On acceptance
 * the recipient becomes account administrator and holds Owner. The previous account administrator keeps every role
 * assignment (Owner included) until someone removes it, and stays service administrator if the account administrator
 * had chosen them explicitly; a service administrator that was the account administrator only by default follows the
 * account administrator, so the recipient becomes service administrator too.
 */
public final class BillingOwnershipTransfers {

    private final SubscriptionAdministrators administration;
    private final CloudSubscriptionRepository clouds;
    private final SubscriptionAdministratorRepository administrators;
    private final Transactions transactions;
    private final Clock clock;

    public BillingOwnershipTransfers(
            SubscriptionAdministrators administration,
            CloudSubscriptionRepository clouds,
            SubscriptionAdministratorRepository administrators,
            Transactions transactions,
            Clock clock) {
        this.administration = administration;
        this.clouds = clouds;
        this.administrators = administrators;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The account administrator asks {@code recipientId}, an enabled user of the directory, to take billing ownership. */
    public BillingTransfer start(Caller caller, UUID subscriptionId, UserId recipientId) {
        return transactions.inTransaction(() -> {
            CloudSubscription subscription = administration.lockedForAdministration(caller, subscriptionId);
            administration.requireAccountAdministrator(caller, subscription, "transfer billing ownership");
            User recipient = administration.requireDirectoryUser(subscription, recipientId, "recipientUserId");
            if (recipient.id().equals(subscription.accountAdministrator())) {
                throw new ConflictException(
                        SubscriptionError.ALREADY_ADMINISTRATOR,
                        recipient.userPrincipalName() + " is already the account administrator; choose another user.",
                        "recipientUserId");
            }
            Instant now = clock.instant();
            Optional<BillingTransfer> pending = administrators.transfers(subscription.id()).stream()
                    .filter(t -> t.stateAt(now) == BillingTransfer.State.PENDING)
                    .findFirst();
            if (pending.isPresent()) {
                throw new ConflictException(
                        SubscriptionError.TRANSFER_PENDING,
                        "A billing ownership transfer of this subscription is pending until "
                                + pending.get().expiresAt() + "; cancel it before starting another.",
                        "recipientUserId");
            }
            BillingTransfer transfer = new BillingTransfer(
                    UUID.randomUUID(),
                    subscription.id(),
                    subscription.tenantId(),
                    subscription.accountAdministrator(),
                    recipient.id(),
                    BillingTransfer.State.PENDING,
                    now,
                    now.plus(BillingTransfer.VALIDITY),
                    null);
            administrators.insertTransfer(transfer);
            administration.record(caller, subscription, "Start billing ownership transfer", "Add", recipient);
            return transfer;
        });
    }

    /** The subscription's transfers, newest first, for a caller who may read it. */
    public List<BillingTransfer> transfers(Caller caller, UUID subscriptionId) {
        return transactions.inTransaction(() -> {
            administration.readable(caller, subscriptionId);
            Instant now = clock.instant();
            return administrators.transfers(subscriptionId).stream()
                    .map(t -> asOf(t, now))
                    .toList();
        });
    }

    /** The transfers waiting for the caller to accept, in the directory it acts in, newest first. */
    public List<Pending> pendingFor(Caller caller) {
        if (!(caller instanceof Caller.User user)) {
            return List.of();
        }
        Instant now = clock.instant();
        return transactions.inTransaction(() -> administrators.pendingTransfersTo(user.userId()).stream()
                .filter(t -> t.tenantId().equals(user.tenantId()) && t.stateAt(now) == BillingTransfer.State.PENDING)
                .flatMap(t -> clouds.findById(t.subscriptionId()).stream().map(s -> new Pending(t, s)))
                .toList());
    }

    /** A transfer for its recipient or its sender; to anyone else it does not exist. */
    public Pending get(Caller caller, UUID transferId) {
        return transactions.inTransaction(() -> {
            BillingTransfer transfer = visibleTo(caller, transferId);
            CloudSubscription subscription =
                    clouds.findById(transfer.subscriptionId()).orElseThrow(() -> notFound(transferId));
            return new Pending(asOf(transfer, clock.instant()), subscription);
        });
    }

    /** The transfer as of {@code now}: a pending one past its expiry shows as expired then. */
    private static BillingTransfer asOf(BillingTransfer transfer, Instant now) {
        return transfer.stateAt(now) == BillingTransfer.State.EXPIRED
                ? transfer.completed(BillingTransfer.State.EXPIRED, transfer.expiresAt())
                : transfer;
    }

    /** The sender (still the account administrator) withdraws a pending transfer. */
    public BillingTransfer cancel(Caller caller, UUID transferId) {
        return transactions.inTransaction(() -> {
            BillingTransfer transfer = administrators.findTransfer(transferId).orElseThrow(() -> notFound(transferId));
            CloudSubscription subscription = administration.lockedForAdministration(caller, transfer.subscriptionId());
            administration.requireAccountAdministrator(caller, subscription, "cancel a billing ownership transfer");
            requirePending(transfer);
            BillingTransfer cancelled = transfer.completed(BillingTransfer.State.CANCELLED, clock.instant());
            administrators.updateTransfer(cancelled);
            administration.record(
                    caller,
                    subscription,
                    "Cancel billing ownership transfer",
                    "Delete",
                    Audit.userTarget(transfer.recipientId(), null));
            return cancelled;
        });
    }

    /**
     * The named recipient accepts: it becomes account administrator (R4) and holds Owner; single use. See the class
     * comment for what the previous account administrator keeps.
     */
    public CloudSubscription accept(Caller caller, UUID transferId) {
        return transactions.inTransaction(() -> {
            BillingTransfer transfer = visibleTo(caller, transferId);
            if (!isRecipient(caller, transfer)) {
                throw notFound(transferId);
            }
            // the row lock serialises this with a move to another directory, a cancellation or another transfer
            CloudSubscription subscription =
                    clouds.lockById(transfer.subscriptionId()).orElseThrow(() -> notFound(transferId));
            SubscriptionScope scope = SubscriptionAdministrators.scopeOf(subscription);
            administration.lockedForAdministration(Caller.system(), subscription.id());
            requirePending(transfer);
            if (!subscription.accountAdministrator().equals(transfer.senderId())) {
                throw new ConflictException(
                        SubscriptionError.TRANSFER_NOT_PENDING,
                        "The account administrator changed since this transfer was sent; ask the account "
                                + "administrator for a new one.");
            }
            User recipient = administration.requireDirectoryUser(subscription, transfer.recipientId(), "transferId");
            for (ClassicRole role : List.of(ClassicRole.SERVICE_ADMINISTRATOR, ClassicRole.CO_ADMINISTRATOR)) {
                // the new account administrator's own Owner assignment stays: it keeps Owner as account administrator
                administrators.deleteGrant(subscription.id(), role, recipient.id());
            }
            administration.ensureOwner(scope, recipient.id());
            clouds.update(subscription.ownedBy(recipient.id()));
            administrators.updateTransfer(transfer.completed(BillingTransfer.State.ACCEPTED, clock.instant()));
            administration.record(caller, subscription, "Accept billing ownership transfer", "Update", recipient);
            return clouds.findById(subscription.id()).orElseThrow();
        });
    }

    /** A transfer together with the subscription it is about. */
    public record Pending(BillingTransfer transfer, CloudSubscription subscription) {}

    private BillingTransfer visibleTo(Caller caller, UUID transferId) {
        BillingTransfer transfer = administrators.findTransfer(transferId).orElseThrow(() -> notFound(transferId));
        boolean sender = caller instanceof Caller.User user
                && user.tenantId().equals(transfer.tenantId())
                && user.userId().equals(transfer.senderId());
        if (!sender && !isRecipient(caller, transfer) && !(caller instanceof Caller.Operator)) {
            throw notFound(transferId);
        }
        return transfer;
    }

    private static boolean isRecipient(Caller caller, BillingTransfer transfer) {
        return caller instanceof Caller.User user
                && user.tenantId().equals(transfer.tenantId())
                && user.userId().equals(transfer.recipientId());
    }

    private void requirePending(BillingTransfer transfer) {
        BillingTransfer.State state = transfer.stateAt(clock.instant());
        if (state != BillingTransfer.State.PENDING) {
            throw new ConflictException(
                    SubscriptionError.TRANSFER_NOT_PENDING,
                    "This billing ownership transfer is " + state.displayName().toLowerCase(Locale.ROOT)
                            + " and can no longer change; the account administrator may start a new one.");
        }
    }

    private static NotFoundException notFound(UUID transferId) {
        return new NotFoundException(
                SubscriptionError.TRANSFER_NOT_FOUND,
                "There is no billing ownership transfer '" + transferId + "' for you; check the link you were sent.");
    }
}
