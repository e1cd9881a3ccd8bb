package dev.tenantry.access;

import dev.tenantry.shared.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a subscription's activity log (ARM's administrative events): who did which operation on which
 * resource, when, with what outcome. {@code resourceGroup} is null for what is not in a resource group.
 */
public record ActivityEvent(
        UUID id,
        TenantId tenantId,
        UUID subscriptionId,
        String resourceGroup,
        Instant at,
        String operationName,
        String resourceType,
        String resourceId,
        String authorizationScope,
        String subStatus,
        UUID callerId,
        String callerName,
        UUID correlationId) {

    /** The provider namespace of the operation, such as {@code Microsoft.Authorization}. */
    public String resourceProvider() {
        int slash = operationName.indexOf('/');
        return slash < 0 ? operationName : operationName.substring(0, slash);
    }
}
