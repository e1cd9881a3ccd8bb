package dev.tenantry.directory.apps;

import dev.tenantry.shared.TenantId;
import java.time.Instant;
import java.util.UUID;

/** The instance of an application in one directory: what permissions are granted to and tokens issued for. */
public record ServicePrincipal(UUID id, TenantId tenantId, UUID appId, String displayName, Instant createdAt) {}
