package dev.tenantry.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.identity.OnBehalfOfCredential;
import com.azure.identity.OnBehalfOfCredentialBuilder;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.OnBehalfOfParameters;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.UserAssertion;
import com.microsoft.aad.msal4j.UserNamePasswordParameters;
import com.microsoft.graph.models.User;
import java.net.MalformedURLException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 with unmodified clients: a user signs in with MSAL4J (a registered public client, username and password) to
 * a middle-tier app's own API, and the middle tier calls Graph's {@code /me} on behalf of that user, once with MSAL4J's
 * {@code ConfidentialClientApplication.acquireToken(OnBehalfOfParameters)} and once with azure-identity's
 * {@code OnBehalfOfCredential} under the Graph SDK.
 */
class OnBehalfOfCompatIT {

    private static TenantryProcess server;
    private static ServerApi api;
    private static Clients clients;
    private static TestDirectory directory;
    private static Optional<AppRegistration> middle;
    private static Optional<AppRegistration> client;

    @BeforeAll
    static void registerApps() {
        server = TenantryProcess.get();
        api = new ServerApi(server);
        clients = new Clients(server);
        directory = TestDirectory.signUp(api, "obo");
        middle = AppRegistration.tryCreate(api, directory, "compat-obo-middle-tier");
        client = AppRegistration.tryCreate(api, directory, "compat-obo-client");
        if (middle.isEmpty() || client.isEmpty()) {
            return;
        }
        String admin =
                api.passwordToken(directory.tenantId(), directory.adminUpn(), TestDirectory.PASSWORD, Clients.GRAPH);
        String middleObject = objectId(admin, middle.get());
        api.patchJson(
                        "/v1.0/applications/" + middleObject,
                        """
                        {"identifierUris":["api://%s"],"api":{"requestedAccessTokenVersion":2,\
                        "oauth2PermissionScopes":[{"id":"%s","value":"access_as_user","type":"User","isEnabled":true,\
                        "adminConsentDisplayName":"Access the middle tier","adminConsentDescription":"Call it as the user"}]}}""".formatted(middle.get().appId(), UUID.randomUUID()),
                        admin)
                .requireStatus(204);
        // the user's client is a public client (a native app with a redirect URI), so it holds no secret
        api.patchJson(
                        "/v1.0/applications/" + objectId(admin, client.get()),
                        "{\"publicClient\":{\"redirectUris\":[\"http://localhost\"]}}",
                        admin)
                .requireStatus(204);
        api.postJson(
                        "/v1.0/oauth2PermissionGrants",
                        """
                        {"clientId":"%s","consentType":"AllPrincipals","resourceId":"%s","scope":"access_as_user"}""".formatted(
                                client.get().servicePrincipalId(), middle.get().servicePrincipalId()),
                        admin)
                .requireStatus(201);
    }

    private static String objectId(String admin, AppRegistration app) {
        return api.get("/v1.0/applications?$filter=appId%20eq%20%27" + app.appId() + "%27", admin)
                .requireStatus(200)
                .body()
                .at("/value/0/id")
                .asText();
    }

    /** The user's token for the middle tier's API, as the user's MSAL public client gets it. */
    private static String userTokenForTheMiddleTier() throws MalformedURLException {
        Assumptions.assumeTrue(middle.isPresent() && client.isPresent(), "skipped: " + AppRegistration.UNAVAILABLE);
        PublicClientApplication pca = PublicClientApplication.builder(
                        client.get().appId())
                .authority(clients.authority(directory.tenantId()))
                .instanceDiscovery(false)
                .build();
        IAuthenticationResult result = pca.acquireToken(UserNamePasswordParameters.builder(
                                Set.of("api://" + middle.get().appId() + "/access_as_user"),
                                directory.adminUpn(),
                                TestDirectory.PASSWORD.toCharArray())
                        .build())
                .join();
        return result.accessToken();
    }

    @Test
    @DisplayName("issue 11: MSAL4J acquireToken(OnBehalfOfParameters) gets a Graph token for the user, and /me answers")
    void msalOnBehalfOf() throws Exception {
        String assertion = userTokenForTheMiddleTier();

        IAuthenticationResult graph = clients.msalConfidential(
                        directory.tenantId(), middle.get().appId(), middle.get().secret())
                .acquireToken(OnBehalfOfParameters.builder(Set.of(Clients.GRAPH), new UserAssertion(assertion))
                        .build())
                .join();
        ServerApi.Reply me = api.get("/v1.0/me", graph.accessToken());

        assertThat(me.requireStatus(200).body().get("userPrincipalName").asText())
                .isEqualToIgnoringCase(directory.adminUpn());
    }

    @Test
    @DisplayName("issue 11: azure-identity OnBehalfOfCredential under the Graph SDK reads /me as the user")
    void azureIdentityOnBehalfOf() throws Exception {
        String assertion = userTokenForTheMiddleTier();
        OnBehalfOfCredential credential = new OnBehalfOfCredentialBuilder()
                .tenantId(directory.tenantId())
                .clientId(middle.get().appId())
                .clientSecret(middle.get().secret())
                .userAssertion(assertion)
                .authorityHost(server.baseUrl())
                .disableInstanceDiscovery()
                .build();

        User me = clients.graph(credential).me().get();

        assertThat(me.getUserPrincipalName()).isEqualToIgnoringCase(directory.adminUpn());
    }
}
