package dev.tenantry.subscriptions;

import dev.tenantry.shared.UserId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores the classic administrators of cloud subscriptions and the transfers of their billing ownership (issue 10). */
public interface SubscriptionAdministratorRepository {

    /** Inserts a grant; the same role for the same user on the same subscription twice is refused. */
    void insertGrant(ClassicAdministratorGrant grant);

    /** The subscription's grants, oldest first, then by user id; empty when it has none. */
    List<ClassicAdministratorGrant> grants(UUID subscriptionId);

    /** Deletes one grant; false when there was none. */
    boolean deleteGrant(UUID subscriptionId, ClassicRole role, UserId userId);

    /** Deletes every grant of the subscription; returns how many there were. */
    int deleteGrants(UUID subscriptionId);

    void insertTransfer(BillingTransfer transfer);

    Optional<BillingTransfer> findTransfer(UUID id);

    /** The subscription's transfers, newest first. */
    List<BillingTransfer> transfers(UUID subscriptionId);

    /** The transfers stored as pending to the recipient, in any subscription, newest first (expired ones too). */
    List<BillingTransfer> pendingTransfersTo(UserId recipientId);

    /** Replaces a stored transfer's state and completion time; false when there is none. */
    boolean updateTransfer(BillingTransfer transfer);
}
