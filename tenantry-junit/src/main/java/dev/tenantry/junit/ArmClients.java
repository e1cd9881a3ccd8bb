package dev.tenantry.junit;

import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.authorization.AuthorizationManager;
import com.azure.resourcemanager.resources.ResourceManager;
import java.util.HashMap;
import java.util.Map;

/**
 * ARM SDK managers over {@code AzureEnvironment.AZURE} with Resource Manager, the authority and Microsoft Graph pointed
 * at Tenantry (compat §1, §4). Graph's resource id is the server's origin, as its cloud metadata says, so the
 * authorization manager's directory calls (users, groups, service principals) reach Tenantry too; the SDK then asks
 * for {@code https://HOST/.default} for ARM calls as well, which Tenantry's ARM front end accepts.
 */
final class ArmClients {

    private ArmClients() {}

    static AzureProfile profile(Principal principal) {
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", principal.baseUrl() + "/");
        endpoints.put("activeDirectoryEndpointUrl", principal.baseUrl() + "/");
        endpoints.put("microsoftGraphResourceId", principal.baseUrl() + "/");
        return new AzureProfile(principal.tenantId(), principal.subscriptionId(), new AzureEnvironment(endpoints));
    }

    static ResourceManager resourceManager(Principal principal) {
        ResourceManager.Authenticated authenticated =
                ResourceManager.authenticate(IdentityClients.credential(principal), profile(principal));
        return principal.subscriptionId() == null
                ? authenticated.withDefaultSubscription()
                : authenticated.withSubscription(principal.subscriptionId());
    }

    static AuthorizationManager authorizationManager(Principal principal) {
        return AuthorizationManager.authenticate(IdentityClients.credential(principal), profile(principal));
    }
}
