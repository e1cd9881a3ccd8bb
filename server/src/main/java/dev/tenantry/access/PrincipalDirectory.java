package dev.tenantry.access;

import dev.tenantry.shared.TenantId;
import java.util.Optional;
import java.util.UUID;

/** Tells what kind of principal an object id is in a directory, if it is one there at all. */
@FunctionalInterface
public interface PrincipalDirectory {

    Optional<PrincipalType> typeOf(TenantId tenantId, UUID principalId);
}
