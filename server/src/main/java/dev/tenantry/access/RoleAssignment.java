package dev.tenantry.access;

import dev.tenantry.shared.TenantId;
import java.time.Instant;
import java.util.UUID;

/** A role granted to a user or service principal of the subscription's directory, at subscription scope. */
public record RoleAssignment(
        UUID id,
        TenantId tenantId,
        UUID subscriptionId,
        RoleDefinition role,
        UUID principalId,
        PrincipalType principalType,
        UUID createdBy,
        Instant createdAt) {

    public String scope() {
        return "/subscriptions/" + subscriptionId;
    }
}
