package dev.tenantry.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.models.ResourceGroup;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.UserNamePasswordParameters;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 14: the extension's parameters, reset and controls with the real Microsoft SDKs. */
class TenantryExtensionTest {

    @RegisterExtension
    static TenantryExtension tenantry =
            TenantryExtension.builder().seed("tenantry-seed.yaml").build();

    @Test
    void exportSeedWritesTheDirectoryWithItsIdsAndNoSecrets() {
        String seed = tenantry.exportSeed();

        assertThat(seed)
                .contains("id: " + tenantry.tenant("contoso").tenantId())
                .contains("id: " + tenantry.user("jane").objectId())
                .contains("passwordHash:")
                .doesNotContain(tenantry.app("daemon").secret());
    }

    @Test
    void graphSdkListsTheSeededUsersAsJane(@AsUser("jane") GraphServiceClient graph) {
        var users = graph.users().get().getValue();

        assertThat(users)
                .extracting(User::getUserPrincipalName)
                .contains("jane@contoso.onmicrosoft.test", "joe@contoso.onmicrosoft.test");
    }

    @Test
    void graphSdkAsTheDaemonAppUsesItsGrantedPermission(@AsApp("daemon") GraphServiceClient graph) {
        User jane = graph.users().byUserId("jane@contoso.onmicrosoft.test").get();

        assertThat(jane.getDisplayName()).isEqualTo("Jane Doe");
    }

    @Test
    void msalSignsInTheSeededUserAndTheSeededApp(
            PublicClientApplication publicClient, @AsApp("daemon") ConfidentialClientApplication daemon)
            throws Exception {
        IAuthenticationResult user = publicClient
                .acquireToken(UserNamePasswordParameters.builder(
                                Set.of("https://graph.microsoft.com/.default"),
                                tenantry.user("jane").userPrincipalName(),
                                tenantry.user("jane").password().toCharArray())
                        .build())
                .get();
        IAuthenticationResult app = daemon.acquireToken(
                        ClientCredentialParameters.builder(Set.of("https://graph.microsoft.com/.default"))
                                .build())
                .get();

        assertThat(user.account().username()).isEqualTo("jane@contoso.onmicrosoft.test");
        assertThat(app.accessToken()).isNotBlank();
        assertThat(tenantry.requests(tenantry.app("daemon").appId().toString(), 5))
                .extracting(r -> r.path())
                .contains("/" + tenantry.tenant().tenantId() + "/oauth2/v2.0/token");
    }

    @Test
    void armSdkSeesTheSeededResourceGroupAndRetriesAThrottle(@AsApp("daemon") ResourceManager arm) {
        tenantry.throttle("/subscriptions/*/resourcegroups**", 2, 1);

        var names =
                arm.resourceGroups().list().stream().map(ResourceGroup::name).toList();

        assertThat(names).containsExactly("rg-app");
        assertThat(tenantry.faults().list()).isEmpty();
    }

    @Test
    void graphSdkRetriesAThrottleWithRetryAfter(@AsUser("jane") GraphServiceClient graph) {
        tenantry.throttle("/v1.0/users", 2, 1);

        var users = graph.users().get().getValue();

        assertThat(users).isNotEmpty();
        assertThat(tenantry.faults().list()).isEmpty();
    }

    @Test
    void eachTestStartsFromTheSeedA(@AsUser("jane") GraphServiceClient graph) {
        createdUserIsGoneInTheNextTest(graph);
    }

    @Test
    void eachTestStartsFromTheSeedB(@AsUser("jane") GraphServiceClient graph) {
        createdUserIsGoneInTheNextTest(graph);
    }

    private static void createdUserIsGoneInTheNextTest(GraphServiceClient graph) {
        assertThat(graph.users().get().getValue()).hasSize(3);
        User user = new User();
        user.setAccountEnabled(true);
        user.setDisplayName("Temporary");
        user.setMailNickname("temp");
        user.setUserPrincipalName("temp@contoso.onmicrosoft.test");
        var password = new com.microsoft.graph.models.PasswordProfile();
        password.setPassword("Autumn-Pass-2026");
        user.setPasswordProfile(password);
        graph.users().post(user);
        assertThat(graph.users().get().getValue()).hasSize(4);
    }

    @Test
    void clockMovesTokensIntoThePast(@AsUser("joe") TokenCredential credential) {
        var token =
                credential.getTokenSync(new TokenRequestContext().addScopes("https://graph.microsoft.com/.default"));
        tenantry.clock().advance(Duration.ofHours(3));

        HttpResponse<String> expired = get("/v1.0/me", token.getToken());

        assertThat(expired.statusCode()).isEqualTo(401);
    }

    @Test
    void forgedTokensAreAcceptedOrRefusedByFlavour() {
        String jane = tenantry.user("jane").objectId().toString();
        Map<String, Object> claims = Map.of("oid", jane, "sub", jane, "scp", "User.Read");

        assertThat(get("/v1.0/me", tenantry.forgeToken("contoso", claims, "valid"))
                        .statusCode())
                .isEqualTo(200);
        for (String flavour : new String[] {"wrong-key", "expired", "wrong-audience", "wrong-issuer"}) {
            assertThat(get("/v1.0/me", tenantry.forgeToken("contoso", claims, flavour))
                            .statusCode())
                    .as(flavour)
                    .isEqualTo(401);
        }
        assertThatThrownBy(() -> tenantry.forgeToken("contoso", claims, "nonsense"))
                .hasMessageContaining("unknown flavour");
    }

    private static HttpResponse<String> get(String path, String bearer) {
        try {
            return HttpClient.newBuilder()
                    .sslContext(tenantry.sslContext())
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(tenantry.baseUrl() + path))
                                    .header("Authorization", "Bearer " + bearer)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
