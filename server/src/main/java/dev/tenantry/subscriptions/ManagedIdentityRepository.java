package dev.tenantry.subscriptions;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores managed identities and the compute hosts they are attached to (issue 11); names are compared
 * case-insensitively per resource group, as ARM compares them. The identities' service principals are the
 * directory's ({@code ApplicationRepository}); deleting one deletes the identity row with it.
 */
public interface ManagedIdentityRepository {

    /** Inserts an identity whose service principal exists; a name taken in the group is a {@code ConflictException}. */
    void insert(ManagedIdentity identity);

    /** Replaces the identity's tags; false when there was none. */
    boolean updateTags(ManagedIdentity identity);

    Optional<ManagedIdentity> find(UUID subscriptionId, String resourceGroup, ManagedIdentity.Kind kind, String name);

    Optional<ManagedIdentity> findByPrincipal(UUID principalId);

    /** Deletes the identity (not its service principal) and detaches it from every host; false when there was none. */
    boolean delete(UUID principalId);

    /** The subscription's identities of {@code kind}, in {@code resourceGroup} (every group when null), by name. */
    List<ManagedIdentity> list(UUID subscriptionId, String resourceGroup, ManagedIdentity.Kind kind);

    /** Inserts or replaces the host (location excepted) and the identities it uses; true when it was created. */
    boolean upsertHost(ComputeHost host);

    Optional<ComputeHost> findHost(UUID subscriptionId, String resourceGroup, String name);

    /** The hosts of the subscription's {@code resourceGroup} (every group when null), by group and name. */
    List<ComputeHost> listHosts(UUID subscriptionId, String resourceGroup);

    /** Deletes the host (its system-assigned identity is the caller's to delete); false when there was none. */
    boolean deleteHost(UUID subscriptionId, String resourceGroup, String name);
}
