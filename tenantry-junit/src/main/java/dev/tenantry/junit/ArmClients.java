package dev.tenantry.junit;

import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.authorization.AuthorizationManager;
import com.azure.resourcemanager.resources.ResourceManager;
import java.util.HashMap;
import java.util.Map;

/** ARM SDK managers over {@code AzureEnvironment.AZURE} with only the two endpoints replaced (compat §1). */
final class ArmClients {

    private ArmClients() {}

    static AzureProfile profile(Principal principal) {
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", principal.baseUrl() + "/");
        endpoints.put("activeDirectoryEndpointUrl", principal.baseUrl() + "/");
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
