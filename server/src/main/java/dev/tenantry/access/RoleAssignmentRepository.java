package dev.tenantry.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores cloud role assignments. */
public interface RoleAssignmentRepository {

    /** Inserts; the same role for the same principal at the same scope is a {@code ConflictException}. */
    void insert(RoleAssignment assignment);

    Optional<RoleAssignment> findById(UUID subscriptionId, UUID id);

    /** The subscription's assignments, ordered by id. */
    List<RoleAssignment> bySubscription(UUID subscriptionId);

    /** Every assignment held by a principal, in any subscription. */
    List<RoleAssignment> byPrincipal(UUID principalId);

    boolean delete(UUID subscriptionId, UUID id);

    /** Deletes every assignment of the subscription, at any scope in it (R11); returns how many there were. */
    int deleteBySubscription(UUID subscriptionId);

    /**
     * Locks the subscription's row until the current transaction ends: the serialisation point of the rule that a
     * subscription keeps an Owner. Call it inside a transaction, before reading the assignments the rule counts.
     */
    void lockSubscription(UUID subscriptionId);
}
