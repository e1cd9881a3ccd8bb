package dev.tenantry.directory.apps;

import dev.tenantry.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores token lifetime policies (issue 11) and the one assigned to each application. Every method is scoped to a
 * directory (R14). A policy read on the token path is cached behind the cache generation, so writes bump it.
 */
public interface TokenLifetimePolicyRepository {

    void insert(TokenLifetimePolicy policy);

    /** Replaces the policy's display name, default flag, definition and lifetime; false when the directory has none such. */
    boolean update(TokenLifetimePolicy policy);

    /** Deletes the policy and its assignments; false when the directory has none such. */
    boolean delete(TenantId tenantId, UUID id);

    Optional<TokenLifetimePolicy> find(TenantId tenantId, UUID id);

    /** The directory's policies, by display name then id. */
    List<TokenLifetimePolicy> list(TenantId tenantId);

    /** The directory's policy with {@code isOrganizationDefault} true, if any. */
    Optional<TokenLifetimePolicy> findOrganizationDefault(TenantId tenantId);

    /** Assigns {@code policyId} to the application, replacing any policy it had (one per application). */
    void assign(TenantId tenantId, UUID applicationId, UUID policyId);

    /** Removes the application's policy if it is {@code policyId}; false when it is not. */
    boolean unassign(TenantId tenantId, UUID applicationId, UUID policyId);

    /** The policy assigned to the application, if any. */
    Optional<TokenLifetimePolicy> findAssigned(TenantId tenantId, UUID applicationId);
}
