package dev.tenantry.junit;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AzureIdentityAuthenticationProvider;

/** The Graph SDK with the server's host as its allowed host and {@code https://host:port/v1.0} as base URL (P3, P4). */
final class GraphClients {

    static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

    private GraphClients() {}

    static GraphServiceClient graph(Principal principal) {
        var provider = new AzureIdentityAuthenticationProvider(
                IdentityClients.credential(principal), new String[] {principal.host()}, GRAPH_SCOPE);
        GraphServiceClient client = new GraphServiceClient(provider);
        client.getRequestAdapter().setBaseUrl(principal.baseUrl() + "/v1.0");
        return client;
    }
}
