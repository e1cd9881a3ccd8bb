package dev.tenantry.directory.apps;

import dev.tenantry.shared.TenantId;
import java.time.Duration;
import java.util.UUID;

/**
 * A directory's token lifetime policy (issue 11, Graph's {@code tokenLifetimePolicy}): its definition as given (the
 * one JSON string of Graph's {@code definition}) and the access/ID token lifetime it sets ({@link
 * TokenLifetimeDefinition}).
 */
public record TokenLifetimePolicy(
        UUID id,
        TenantId tenantId,
        String displayName,
        boolean isOrganizationDefault,
        String definition,
        Duration accessTokenLifetime) {}
