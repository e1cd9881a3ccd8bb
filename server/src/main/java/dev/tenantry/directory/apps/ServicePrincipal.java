package dev.tenantry.directory.apps;

import dev.tenantry.shared.TenantId;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The instance of an application in one directory: what permissions are granted to and tokens issued for. A managed
 * identity's service principal (issue 11) has no application registration: its {@code appId} is the identity's client
 * id and {@code managedIdentityResourceId} the ARM id of the identity (user-assigned) or of the compute it belongs to
 * (system-assigned); null for an application's.
 */
public record ServicePrincipal(
        UUID id,
        TenantId tenantId,
        UUID appId,
        String displayName,
        Instant createdAt,
        ServicePrincipalType type,
        String managedIdentityResourceId) {

    /** An application's service principal. */
    public ServicePrincipal(UUID id, TenantId tenantId, UUID appId, String displayName, Instant createdAt) {
        this(id, tenantId, appId, displayName, createdAt, ServicePrincipalType.APPLICATION, null);
    }

    public ServicePrincipal {
        if ((type == ServicePrincipalType.MANAGED_IDENTITY) != (managedIdentityResourceId != null)) {
            throw new IllegalArgumentException("a managed identity, and only one, names its resource id");
        }
    }

    public boolean isManagedIdentity() {
        return type == ServicePrincipalType.MANAGED_IDENTITY;
    }

    /** Whether this is a user-assigned managed identity (Graph's {@code isExplicit=True}). */
    public boolean isUserAssignedIdentity() {
        return isManagedIdentity()
                && managedIdentityResourceId
                        .toLowerCase(Locale.ROOT)
                        .contains("/providers/microsoft.managedidentity/userassignedidentities/");
    }
}
