package dev.tenantry.directory;

import dev.tenantry.shared.TenantId;

/** Sets up what every new directory has (e.g. Microsoft Graph's service principal), inside the creating transaction. */
@FunctionalInterface
public interface TenantProvisioner {

    void provision(TenantId tenantId);
}
