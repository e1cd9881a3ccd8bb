package dev.tenantry.testing;

import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.UserId;
import dev.tenantry.subscriptions.BillingTransfer;
import dev.tenantry.subscriptions.ClassicAdministratorGrant;
import dev.tenantry.subscriptions.ClassicRole;
import dev.tenantry.subscriptions.SubscriptionAdministratorRepository;
import dev.tenantry.subscriptions.SubscriptionError;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Classic administrator grants and billing ownership transfers in maps; lists in the SQL store's order. */
public final class InMemorySubscriptionAdministratorRepository
        implements SubscriptionAdministratorRepository, Restorable {

    private static final Comparator<ClassicAdministratorGrant> GRANT_ORDER = Comparator.comparing(
                    ClassicAdministratorGrant::createdAt)
            .thenComparing(g -> g.userId().value(), Uuids.SQL_ORDER)
            .thenComparing(g -> g.role().name());
    private static final Comparator<BillingTransfer> NEWEST_FIRST = Comparator.comparing(BillingTransfer::createdAt)
            .reversed()
            .thenComparing(BillingTransfer::id, Uuids.SQL_ORDER);

    private final Map<List<Object>, ClassicAdministratorGrant> grants = new HashMap<>();
    private final Map<UUID, BillingTransfer> transfers = new HashMap<>();

    @Override
    public void insertGrant(ClassicAdministratorGrant grant) {
        if (grants.putIfAbsent(key(grant.subscriptionId(), grant.role(), grant.userId()), grant) != null) {
            throw new ConflictException(
                    SubscriptionError.ALREADY_ADMINISTRATOR,
                    "The user already holds the " + grant.role().armName() + " role on this subscription.");
        }
    }

    @Override
    public List<ClassicAdministratorGrant> grants(UUID subscriptionId) {
        return grants.values().stream()
                .filter(g -> g.subscriptionId().equals(subscriptionId))
                .sorted(GRANT_ORDER)
                .toList();
    }

    @Override
    public boolean deleteGrant(UUID subscriptionId, ClassicRole role, UserId userId) {
        return grants.remove(key(subscriptionId, role, userId)) != null;
    }

    @Override
    public int deleteGrants(UUID subscriptionId) {
        List<ClassicAdministratorGrant> held = grants(subscriptionId);
        held.forEach(g -> grants.remove(key(g.subscriptionId(), g.role(), g.userId())));
        return held.size();
    }

    @Override
    public void insertTransfer(BillingTransfer transfer) {
        if (transfers.putIfAbsent(transfer.id(), transfer) != null) {
            throw new IllegalStateException("duplicate transfer id " + transfer.id());
        }
    }

    @Override
    public Optional<BillingTransfer> findTransfer(UUID id) {
        return Optional.ofNullable(transfers.get(id));
    }

    @Override
    public List<BillingTransfer> transfers(UUID subscriptionId) {
        return transfers.values().stream()
                .filter(t -> t.subscriptionId().equals(subscriptionId))
                .sorted(NEWEST_FIRST)
                .toList();
    }

    @Override
    public List<BillingTransfer> pendingTransfersTo(UserId recipientId) {
        return transfers.values().stream()
                .filter(t -> t.recipientId().equals(recipientId) && t.state() == BillingTransfer.State.PENDING)
                .sorted(NEWEST_FIRST)
                .toList();
    }

    @Override
    public boolean updateTransfer(BillingTransfer transfer) {
        BillingTransfer found = transfers.get(transfer.id());
        if (found == null) {
            return false;
        }
        transfers.put(transfer.id(), found.completed(transfer.state(), transfer.completedAt()));
        return true;
    }

    private static List<Object> key(UUID subscriptionId, ClassicRole role, UserId userId) {
        return List.of(subscriptionId, role, userId);
    }

    @Override
    public Runnable snapshot() {
        return Restorable.all(Restorable.copyOf(grants), Restorable.copyOf(transfers));
    }
}
