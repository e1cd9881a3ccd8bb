package dev.tenantry.access;

import dev.tenantry.shared.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A role granted to a user, group or service principal of the subscription's directory, at subscription scope
 * ({@code resourceGroup} null) or at one of its resource groups.
 */
public record RoleAssignment(
        UUID id,
        TenantId tenantId,
        UUID subscriptionId,
        RoleDefinition role,
        UUID principalId,
        PrincipalType principalType,
        UUID createdBy,
        Instant createdAt,
        String resourceGroup) {

    /** An assignment at subscription scope. */
    public RoleAssignment(
            UUID id,
            TenantId tenantId,
            UUID subscriptionId,
            RoleDefinition role,
            UUID principalId,
            PrincipalType principalType,
            UUID createdBy,
            Instant createdAt) {
        this(id, tenantId, subscriptionId, role, principalId, principalType, createdBy, createdAt, null);
    }

    /** The ARM scope it was made at: {@code /subscriptions/{id}} or {@code …/resourceGroups/{name}}. */
    public String scope() {
        return scopeOf(subscriptionId, resourceGroup);
    }

    /** Whether it was made at subscription scope. */
    public boolean atSubscription() {
        return resourceGroup == null;
    }

    /** The ARM scope string of a subscription ({@code resourceGroup} null) or one of its resource groups. */
    public static String scopeOf(UUID subscriptionId, String resourceGroup) {
        String subscription = "/subscriptions/" + subscriptionId;
        return resourceGroup == null ? subscription : subscription + "/resourceGroups/" + resourceGroup;
    }

    /** The resource group named in an ARM scope string of a subscription or resource group; null for none. */
    public static String resourceGroupOf(String scope) {
        String marker = "/resourceGroups/";
        int at = scope.indexOf(marker);
        return at < 0 ? null : scope.substring(at + marker.length());
    }
}
