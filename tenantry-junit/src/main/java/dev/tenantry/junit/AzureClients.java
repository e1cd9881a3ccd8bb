package dev.tenantry.junit;

import com.azure.resourcemanager.AzureResourceManager;

/**
 * The ARM SDK's all-services entry point, {@code AzureResourceManager}, on the profile of {@link ArmClients}. A class
 * of its own so that a test project with only {@code azure-resourcemanager-resources} on its class path never loads
 * the aggregate's types.
 */
final class AzureClients {

    private AzureClients() {}

    /** Bound to the principal's subscription; without one, to the only subscription it sees (the SDK's rule). */
    static AzureResourceManager azure(Principal principal) {
        return AzureResourceManager.authenticate(IdentityClients.credential(principal), ArmClients.profile(principal))
                .withDefaultSubscription();
    }
}
