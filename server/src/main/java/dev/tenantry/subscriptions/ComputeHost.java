package dev.tenantry.subscriptions;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A named piece of compute in a resource group that managed identities are attached to (issue 11): what an App
 * Service app or a virtual machine is in Azure, reduced to its name and its identities, since Tenantry runs no code.
 * Its ARM type is Tenantry's own ({@code Tenantry.Compute/hosts}), so no client mistakes it for a real App Service or
 * virtual machine. A managed identity endpoint serves the identities of one host. {@code userAssigned} holds the
 * principal ids of the user-assigned identities it uses, ordered by principal id.
 */
public record ComputeHost(
        UUID subscriptionId,
        String resourceGroup,
        String name,
        String location,
        Map<String, String> tags,
        boolean systemAssigned,
        List<UUID> userAssigned,
        Instant createdAt) {

    public static final String TYPE = "Tenantry.Compute/hosts";

    public ComputeHost {
        tags = Map.copyOf(tags);
        userAssigned = userAssigned.stream().sorted().distinct().toList();
    }

    public String id() {
        return id(subscriptionId, resourceGroup, name);
    }

    public static String id(UUID subscriptionId, String resourceGroup, String name) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup + "/providers/" + TYPE + "/"
                + name;
    }
}
