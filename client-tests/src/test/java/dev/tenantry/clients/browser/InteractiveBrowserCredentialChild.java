package dev.tenantry.clients.browser;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.InteractiveBrowserCredentialBuilder;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AzureIdentityAuthenticationProvider;

/**
 * The child JVM of {@link AzureIdentityInteractiveBrowserIT}: azure-identity's {@code InteractiveBrowserCredential}
 * exactly as an application uses it, then a Graph call with it. It runs in its own JVM because the only way to replace
 * the "system browser" of azure-identity (MSAL4J underneath, without its {@code SystemBrowserOptions}) on Linux is the
 * {@code PATH}: MSAL4J runs the first of {@code xdg-open}, {@code gnome-open}, … it finds there.
 * Arguments: base URL, tenant id, client id, redirect port. Prints {@code ME=<userPrincipalName>} on success.
 */
public final class InteractiveBrowserCredentialChild {

    private InteractiveBrowserCredentialChild() {}

    public static void main(String[] args) {
        String baseUrl = args[0];
        TokenCredential credential = new InteractiveBrowserCredentialBuilder()
                .authorityHost(baseUrl)
                .tenantId(args[1])
                .clientId(args[2])
                .redirectUrl("http://localhost:" + args[3])
                .disableInstanceDiscovery()
                .build();
        AzureIdentityAuthenticationProvider provider = new AzureIdentityAuthenticationProvider(
                credential, new String[] {"127.0.0.1"}, "https://graph.microsoft.com/.default");
        GraphServiceClient graph = new GraphServiceClient(provider);
        graph.getRequestAdapter().setBaseUrl(baseUrl + "/v1.0");
        User me = graph.me().get();
        System.out.println("ME=" + me.getUserPrincipalName());
        System.exit(0);
    }
}
