package dev.tenantry.clients;

import com.azure.core.credential.TokenCredential;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.UsernamePasswordCredentialBuilder;
import com.azure.resourcemanager.authorization.AuthorizationManager;
import com.azure.resourcemanager.resources.ResourceManager;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AzureIdentityAuthenticationProvider;
import java.net.MalformedURLException;
import java.util.HashMap;
import java.util.Map;

/** The Microsoft SDKs, configured exactly as compat §1 allows: the host, and instance discovery off. Nothing else. */
public final class Clients {

    public static final String AZURE_CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
    public static final String MANAGEMENT = "https://management.core.windows.net//.default";
    public static final String GRAPH = "https://graph.microsoft.com/.default";

    private final String baseUrl;

    public Clients(TenantryProcess server) {
        this.baseUrl = server.baseUrl();
    }

    public String authority(String tenant) {
        return baseUrl + "/" + tenant + "/";
    }

    public PublicClientApplication msalPublic(String tenant) {
        try {
            return PublicClientApplication.builder(AZURE_CLI)
                    .authority(authority(tenant))
                    .instanceDiscovery(false)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** MSAL4J through OIDC discovery ({@code /{tenant}/v2.0}): compat §1 says this works with an explicit port too. */
    public PublicClientApplication msalPublicOidc(String tenant) {
        try {
            return PublicClientApplication.builder(AZURE_CLI)
                    .oidcAuthority(baseUrl + "/" + tenant + "/v2.0")
                    .instanceDiscovery(false)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    public ConfidentialClientApplication msalConfidential(String tenant, String clientId, String secret) {
        try {
            return ConfidentialClientApplication.builder(clientId, ClientCredentialFactory.createFromSecret(secret))
                    .authority(authority(tenant))
                    .instanceDiscovery(false)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("deprecation") // UsernamePasswordCredential (ROPC) is what the compat contract measures
    public TokenCredential userPassword(String tenantId, String userName, String password) {
        return new UsernamePasswordCredentialBuilder()
                .clientId(AZURE_CLI)
                .tenantId(tenantId)
                .username(userName)
                .password(password)
                .authorityHost(baseUrl)
                .disableInstanceDiscovery()
                .build();
    }

    public TokenCredential clientSecret(String tenantId, String clientId, String secret) {
        return new ClientSecretCredentialBuilder()
                .clientId(clientId)
                .clientSecret(secret)
                .tenantId(tenantId)
                .authorityHost(baseUrl)
                .disableInstanceDiscovery()
                .build();
    }

    /** {@code AzureEnvironment.AZURE} with only the resource manager and Active Directory endpoints replaced. */
    public AzureEnvironment armEnvironment() {
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", baseUrl + "/");
        endpoints.put("activeDirectoryEndpointUrl", baseUrl + "/");
        return new AzureEnvironment(endpoints);
    }

    public AzureProfile armProfile(TestDirectory directory) {
        return new AzureProfile(directory.tenantId(), directory.subscriptionId(), armEnvironment());
    }

    public ResourceManager.Authenticated resourceManager(TokenCredential credential, TestDirectory directory) {
        return ResourceManager.authenticate(credential, armProfile(directory));
    }

    public AuthorizationManager authorizationManager(TokenCredential credential, TestDirectory directory) {
        return AuthorizationManager.authenticate(credential, armProfile(directory));
    }

    /** Graph with the server's host (no port) as the only allowed host (P3) and the {@code /v1.0} base URL (P4). */
    public GraphServiceClient graph(TokenCredential credential) {
        AzureIdentityAuthenticationProvider provider =
                new AzureIdentityAuthenticationProvider(credential, new String[] {"127.0.0.1"}, GRAPH);
        GraphServiceClient client = new GraphServiceClient(provider);
        client.getRequestAdapter().setBaseUrl(baseUrl + "/v1.0");
        return client;
    }
}
