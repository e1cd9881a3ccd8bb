package dev.tenantry.graph;

import static dev.tenantry.graph.GraphFixture.encode;
import static dev.tenantry.graph.GraphFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 11 over HTTPS: an app exposes an API through Graph, a client signs a user in to it, the API calls Graph OBO. */
@DisplayName("issue 11: protect your own API and call Graph on behalf of the user")
class OnBehalfOfIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static GraphFixture graph;
    private static CreatedDirectory contoso;
    private static String adminToken;

    @BeforeAll
    static void directory() {
        graph = new GraphFixture(server);
        contoso = graph.directory("contoso");
        adminToken = graph.token(contoso.admin());
    }

    /** Registers an app that exposes {@code scope} at api://{appId}; returns the app and its API's URI. */
    private static GraphFixture.App api(String name, String scope, String version) {
        GraphFixture.App app = graph.registerApp(adminToken, name);
        HttpResponse<String> patched = graph.patch(
                "/v1.0/applications/" + app.objectId(),
                "{\"identifierUris\":[\"api://" + app.appId() + "\"],\"api\":{\"requestedAccessTokenVersion\":"
                        + version + ",\"oauth2PermissionScopes\":[{\"id\":\"" + UUID.randomUUID()
                        + "\",\"value\":\"" + scope + "\",\"type\":\"User\",\"isEnabled\":true,"
                        + "\"adminConsentDisplayName\":\"Access\",\"adminConsentDescription\":\"Access it\"}]}}",
                adminToken);
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(204);
        return app;
    }

    private static void consent(GraphFixture.App client, GraphFixture.App resource, String scope) {
        HttpResponse<String> granted = graph.post(
                "/v1.0/oauth2PermissionGrants",
                "{\"clientId\":\"" + client.spId() + "\",\"consentType\":\"AllPrincipals\",\"resourceId\":\""
                        + resource.spId() + "\",\"scope\":\"" + scope + "\"}",
                adminToken);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
    }

    private static HttpResponse<String> token(String form) {
        return server.postForm("/" + contoso.tenant().id() + "/oauth2/v2.0/token", form);
    }

    @Test
    @DisplayName("issue 11: Graph shows the exposed API on the application and its service principal, and refuses a URI"
            + " off the directory's domains with HostNameNotOnVerifiedDomain")
    void graphShowsTheApi() {
        GraphFixture.App app = api("Shown", "access_as_user", "2");

        JsonNode application = json(graph.get("/v1.0/applications/" + app.objectId(), adminToken));
        JsonNode sp = json(graph.get("/v1.0/servicePrincipals/" + app.spId(), adminToken));
        HttpResponse<String> refused = graph.patch(
                "/v1.0/applications/" + app.objectId(),
                "{\"identifierUris\":[\"https://orders.example.com\"]}",
                adminToken);

        assertThat(application.at("/identifierUris/0").asText()).isEqualTo("api://" + app.appId());
        assertThat(application.at("/api/requestedAccessTokenVersion").asInt()).isEqualTo(2);
        assertThat(application.at("/api/oauth2PermissionScopes/0/value").asText())
                .isEqualTo("access_as_user");
        assertThat(sp.at("/servicePrincipalNames/1").asText()).isEqualTo("api://" + app.appId());
        assertThat(sp.at("/oauth2PermissionScopes/0/value").asText()).isEqualTo("access_as_user");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).at("/error/code").asText()).isEqualTo("HostNameNotOnVerifiedDomain");
    }

    @Test
    @DisplayName("issue 11: a user's v2.0 token for the middle tier becomes a Graph token on behalf of the user, and"
            + " /me answers for that user")
    void middleTierCallsGraphOnBehalfOfTheUser() throws Exception {
        GraphFixture.App middle = api("Middle tier", "access_as_user", "2");
        GraphFixture.App client = graph.registerApp(adminToken, "Client");
        consent(client, middle, "access_as_user");

        HttpResponse<String> user = token("grant_type=password&client_id=" + client.appId() + "&client_secret="
                + encode(client.secret()) + "&scope=" + encode("api://" + middle.appId() + "/access_as_user")
                + "&username=" + encode(contoso.admin().userPrincipalName()) + "&password="
                + encode(GraphFixture.PASSWORD));
        assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
        String assertion = json(user).get("access_token").asText();
        assertThat(SignedJWT.parse(assertion).getJWTClaimsSet().getAudience()).containsExactly(middle.appId());
        HttpResponse<String> onGraph = graph.get("/v1.0/me", assertion);

        HttpResponse<String> obo = token("grant_type=" + encode("urn:ietf:params:oauth:grant-type:jwt-bearer")
                + "&client_id=" + middle.appId() + "&client_secret=" + encode(middle.secret()) + "&assertion="
                + assertion + "&requested_token_use=on_behalf_of&scope="
                + encode("https://graph.microsoft.com/.default offline_access"));
        assertThat(obo.statusCode()).as(obo.body()).isEqualTo(200);
        HttpResponse<String> me =
                graph.get("/v1.0/me", json(obo).get("access_token").asText());

        assertThat(onGraph.statusCode()).isEqualTo(401);
        assertThat(json(obo).get("refresh_token").asText()).isNotBlank();
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(json(me).get("id").asText()).isEqualTo(contoso.admin().id().toString());
    }

    @Test
    @DisplayName("issue 11: a Graph token as assertion is AADSTS500131, an unknown API AADSTS500011")
    void refusals() {
        GraphFixture.App middle = api("Refusing", "access_as_user", "null");

        HttpResponse<String> obo = token("grant_type=" + encode("urn:ietf:params:oauth:grant-type:jwt-bearer")
                + "&client_id=" + middle.appId() + "&client_secret=" + encode(middle.secret()) + "&assertion="
                + adminToken + "&requested_token_use=on_behalf_of&scope=User.Read");
        HttpResponse<String> unknown = token("grant_type=client_credentials&client_id=" + middle.appId()
                + "&client_secret=" + encode(middle.secret()) + "&scope="
                + encode("api://" + UUID.randomUUID() + "/.default"));

        assertThat(obo.statusCode()).isEqualTo(400);
        assertThat(json(obo).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(json(obo).get("error_description").asText()).startsWith("AADSTS500131");
        assertThat(json(unknown).get("error_description").asText()).startsWith("AADSTS500011");
    }

    @Test
    @DisplayName("issue 11: client credentials for a registered API carry the API's app roles assigned to the client")
    void clientCredentialsCarryTheApisAppRoles() throws Exception {
        GraphFixture.App orders = api("Orders API", "Orders.Read", "2");
        GraphFixture.App daemon = graph.registerApp(adminToken, "Orders daemon");
        String roleId = UUID.randomUUID().toString();
        HttpResponse<String> roles = graph.patch(
                "/v1.0/applications/" + orders.objectId(),
                "{\"appRoles\":[{\"id\":\"" + roleId + "\",\"value\":\"Orders.Write\",\"displayName\":\"Write\","
                        + "\"description\":\"Writes orders\",\"allowedMemberTypes\":[\"Application\"],\"isEnabled\":true}]}",
                adminToken);
        assertThat(roles.statusCode()).as(roles.body()).isEqualTo(204);
        HttpResponse<String> assigned = graph.post(
                "/v1.0/servicePrincipals/" + orders.spId() + "/appRoleAssignedTo",
                "{\"principalId\":\"" + daemon.spId() + "\",\"resourceId\":\"" + orders.spId() + "\",\"appRoleId\":\""
                        + roleId + "\"}",
                adminToken);
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(201);

        HttpResponse<String> token = token("grant_type=client_credentials&client_id=" + daemon.appId()
                + "&client_secret=" + encode(daemon.secret()) + "&scope="
                + encode("api://" + orders.appId() + "/.default"));

        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        var claims = SignedJWT.parse(json(token).get("access_token").asText()).getJWTClaimsSet();
        assertThat(claims.getAudience()).containsExactly(orders.appId());
        assertThat(claims.getStringListClaim("roles")).containsExactly("Orders.Write");
    }
}
