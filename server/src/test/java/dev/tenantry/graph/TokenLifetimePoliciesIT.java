package dev.tenantry.graph;

import static dev.tenantry.graph.GraphFixture.encode;
import static dev.tenantry.graph.GraphFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.apps.ExposedApiService;
import dev.tenantry.directory.apps.PermissionScope;
import dev.tenantry.directory.apps.RedirectUris;
import dev.tenantry.shared.Caller;
import dev.tenantry.testing.CookieClient;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.SignInFlow;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 11: token lifetime policies set how long API access tokens and ID tokens last, over HTTPS. */
class TokenLifetimePoliciesIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    static final String POLICIES = "/v1.0/policies/tokenLifetimePolicies";
    static final String WEB = "https://shipping.contoso.example/signin-oidc";

    private static GraphFixture graph;
    private static CreatedDirectory contoso;
    private static String adminToken;

    @BeforeAll
    static void directory() {
        graph = new GraphFixture(server);
        contoso = graph.directory("lifetimes");
        adminToken = graph.token(contoso.admin());
    }

    static GraphFixture.App api(String name) {
        GraphFixture.App app = graph.registerApp(adminToken, name);
        HttpResponse<String> patched = graph.patch(
                "/v1.0/applications/" + app.objectId(),
                "{\"identifierUris\":[\"api://" + app.appId() + "\"]}",
                adminToken);
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(204);
        return app;
    }

    static String policy(String lifetime, boolean isDefault) {
        HttpResponse<String> created = graph.post(
                POLICIES,
                "{\"definition\":[\"{\\\"TokenLifetimePolicy\\\":{\\\"Version\\\":1,\\\"AccessTokenLifetime\\\":\\\""
                        + lifetime + "\\\"}}\"],\"displayName\":\"" + lifetime + "\",\"isOrganizationDefault\":"
                        + isDefault + "}",
                adminToken);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asText();
    }

    static long lifetimeOf(GraphFixture.App client, String scope) throws Exception {
        HttpResponse<String> token = server.postForm(
                "/" + contoso.tenant().id() + "/oauth2/v2.0/token",
                "grant_type=client_credentials&client_id=" + client.appId() + "&client_secret="
                        + encode(client.secret()) + "&scope=" + encode(scope));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        JWTClaimsSet claims =
                SignedJWT.parse(json(token).get("access_token").asText()).getJWTClaimsSet();
        long lifetime = java.time.Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant())
                .toSeconds();
        assertThat(json(token).get("expires_in").asLong()).isEqualTo(lifetime - 1);
        return lifetime;
    }

    @Test
    @DisplayName("issue 11: an API's assigned policy, else the organization default, sets its access tokens' lifetime;"
            + " Graph tokens keep the built-in hour")
    void policiesSetApiTokenLifetimes() throws Exception {
        GraphFixture.App orders = api("Orders API");
        GraphFixture.App billing = api("Billing API");
        GraphFixture.App daemon = graph.registerApp(adminToken, "Daemon");
        String twoHours = policy("02:00:00", false);
        assign(orders, twoHours);

        assertThat(lifetimeOf(daemon, "api://" + orders.appId() + "/.default")).isEqualTo(7200);
        assertThat(lifetimeOf(daemon, "api://" + billing.appId() + "/.default")).isEqualTo(3600);

        policy("03:00:00", true);
        assertThat(lifetimeOf(daemon, "api://" + billing.appId() + "/.default")).isEqualTo(10800);
        assertThat(lifetimeOf(daemon, "api://" + orders.appId() + "/.default")).isEqualTo(7200);
        assertThat(lifetimeOf(daemon, GraphFixture.GRAPH_SCOPE)).isEqualTo(3600);
    }

    static void assign(GraphFixture.App app, String policyId) {
        HttpResponse<String> assigned = graph.post(
                "/v1.0/applications/" + app.objectId() + "/tokenLifetimePolicies/$ref",
                "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/policies/tokenLifetimePolicies/" + policyId + "\"}",
                adminToken);
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(204);
    }

    /** An admin's consent for every user: {@code client} may ask {@code resourceSpId} for {@code scope}. */
    static void consent(GraphFixture.App client, String resourceSpId, String scope) {
        HttpResponse<String> granted = graph.post(
                "/v1.0/oauth2PermissionGrants",
                "{\"clientId\":\"" + client.spId() + "\",\"consentType\":\"AllPrincipals\",\"resourceId\":\""
                        + resourceSpId + "\",\"scope\":\"" + scope + "\"}",
                adminToken);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
    }

    static Duration lifetime(String jwt) throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(jwt).getJWTClaimsSet();
        return Duration.between(
                claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant());
    }

    static JsonNode redeem(GraphFixture.App client, String grant) throws Exception {
        HttpResponse<String> token = server.postForm(
                "/" + contoso.tenant().id() + "/oauth2/v2.0/token",
                "client_id=" + client.appId() + "&client_secret=" + encode(client.secret()) + "&" + grant);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return json(token);
    }

    @Test
    @DisplayName("issue 11: a signed-in user's token for an API lasts as the API's policy says and the ID token as the"
            + " client's, on refresh too, and the refreshed ID token keeps the session's sid")
    void delegatedAndIdTokensFollowPolicies() throws Exception {
        GraphFixture.App shipping = api("Shipping API");
        server.app()
                .services()
                .exposedApis()
                .change(
                        Caller.system(),
                        contoso.tenant().id(),
                        UUID.fromString(shipping.objectId()),
                        new ExposedApiService.Change(
                                null,
                                List.of(new PermissionScope(
                                        UUID.randomUUID(),
                                        "access_as_user",
                                        PermissionScope.USER,
                                        "Ship",
                                        "Ship",
                                        null,
                                        null,
                                        true)),
                                false,
                                null));
        GraphFixture.App web = graph.registerApp(adminToken, "Shipping Web");
        server.app()
                .services()
                .redirectUris()
                .setRedirectUris(
                        Caller.system(),
                        contoso.tenant().id(),
                        UUID.fromString(web.objectId()),
                        Map.of(RedirectUris.Platform.WEB, List.of(WEB)));
        consent(web, shipping.spId(), "access_as_user");
        consent(web, graph.graphServicePrincipalId(adminToken), "openid profile offline_access");
        assign(shipping, policy("02:00:00", false));
        assign(web, policy("00:30:00", false));

        Map<String, String> authorize = new LinkedHashMap<>();
        authorize.put("client_id", web.appId());
        authorize.put("response_type", "code");
        authorize.put("redirect_uri", WEB);
        authorize.put("scope", "openid profile offline_access api://" + shipping.appId() + "/access_as_user");
        authorize.put("nonce", "n-1");
        String code = SignInFlow.code(SignInFlow.signInAndReturn(
                new CookieClient(server),
                "/" + contoso.tenant().id() + "/oauth2/v2.0/authorize?" + SignInFlow.form(authorize),
                contoso.admin().userPrincipalName(),
                GraphFixture.PASSWORD));
        JsonNode first =
                redeem(web, "grant_type=authorization_code&code=" + encode(code) + "&redirect_uri=" + encode(WEB));
        JsonNode refreshed = redeem(
                web,
                "grant_type=refresh_token&refresh_token="
                        + encode(first.get("refresh_token").asText()));

        String sid = SignedJWT.parse(first.get("id_token").asText())
                .getJWTClaimsSet()
                .getStringClaim("sid");
        assertThat(sid).isNotBlank();
        for (JsonNode body : List.of(first, refreshed)) {
            assertThat(lifetime(body.get("access_token").asText())).isEqualTo(Duration.ofHours(2));
            assertThat(body.get("expires_in").asLong()).isEqualTo(7199);
            assertThat(lifetime(body.get("id_token").asText())).isEqualTo(Duration.ofMinutes(30));
            assertThat(SignedJWT.parse(body.get("id_token").asText())
                            .getJWTClaimsSet()
                            .getStringClaim("sid"))
                    .isEqualTo(sid);
        }
    }
}
