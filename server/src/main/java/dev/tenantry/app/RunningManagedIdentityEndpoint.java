package dev.tenantry.app;

import dev.tenantry.entra.ManagedIdentityEndpointRoutes;
import dev.tenantry.web.LoopbackHttpServer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A started managed identity endpoint (issue 11): where it listens, the compute host it serves, and the secret of the
 * App Service protocol, which the operator hands to the code that runs "on" that host.
 */
public record RunningManagedIdentityEndpoint(int port, String resource, String header) {

    public String origin() {
        return "http://" + LoopbackHttpServer.HOST + ":" + port;
    }

    /** What azure-identity's {@code ManagedIdentityCredential} reads to speak the App Service protocol. */
    public Map<String, String> appServiceEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("IDENTITY_ENDPOINT", origin() + ManagedIdentityEndpointRoutes.APP_SERVICE_PATH);
        env.put("IDENTITY_HEADER", header);
        return env;
    }

    /** What azure-identity reads to send IMDS requests here instead of to 169.254.169.254. */
    public Map<String, String> imdsEnvironment() {
        return Map.of("AZURE_POD_IDENTITY_AUTHORITY_HOST", origin());
    }

    @Override
    public String toString() {
        return "RunningManagedIdentityEndpoint[port=" + port + ", resource=" + resource + ", header=***]";
    }
}
