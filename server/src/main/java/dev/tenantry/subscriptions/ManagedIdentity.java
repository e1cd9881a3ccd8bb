package dev.tenantry.subscriptions;

import dev.tenantry.shared.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A managed identity (issue 11): a service principal of the subscription's directory with no application registration
 * and no credential, whose tokens only the compute it is attached to obtains. A user-assigned identity is an ARM
 * resource of its own ({@code Microsoft.ManagedIdentity/userAssignedIdentities}); a system-assigned one belongs to one
 * {@link ComputeHost} and is named, grouped and placed as its host is.
 */
public record ManagedIdentity(
        UUID principalId,
        TenantId tenantId,
        UUID clientId,
        UUID subscriptionId,
        String resourceGroup,
        String name,
        Kind kind,
        String location,
        Map<String, String> tags,
        Instant createdAt) {

    public static final String USER_ASSIGNED_TYPE = "Microsoft.ManagedIdentity/userAssignedIdentities";

    public ManagedIdentity {
        tags = Map.copyOf(tags);
    }

    /** Which of the two a managed identity is. */
    public enum Kind {
        USER_ASSIGNED,
        SYSTEM_ASSIGNED
    }

    /**
     * The ARM id: a user-assigned identity's own (spelt {@code resourcegroups}, as ARM returns these), or the id of the
     * host a system-assigned identity belongs to, as its tokens' {@code xms_mirid} carries it.
     */
    public String resourceId() {
        return kind == Kind.USER_ASSIGNED
                ? userAssignedId(subscriptionId, resourceGroup, name)
                : ComputeHost.id(subscriptionId, resourceGroup, name);
    }

    public static String userAssignedId(UUID subscriptionId, String resourceGroup, String name) {
        return "/subscriptions/" + subscriptionId + "/resourcegroups/" + resourceGroup + "/providers/"
                + USER_ASSIGNED_TYPE + "/" + name;
    }

    public ManagedIdentity withTags(Map<String, String> newTags) {
        return new ManagedIdentity(
                principalId,
                tenantId,
                clientId,
                subscriptionId,
                resourceGroup,
                name,
                kind,
                location,
                newTags,
                createdAt);
    }
}
