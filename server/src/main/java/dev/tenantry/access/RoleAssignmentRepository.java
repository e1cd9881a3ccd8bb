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
}
