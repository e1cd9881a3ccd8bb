package dev.tenantry.directory.apps;

import dev.tenantry.shared.TenantId;
import java.time.Instant;
import java.util.UUID;

/** An application permission granted to a service principal: app role {@code appRoleId} of {@code resourceId}. */
public record AppRoleAssignment(
        UUID id, TenantId tenantId, UUID principalId, UUID resourceId, UUID appRoleId, Instant createdAt) {}
