package dev.tenantry.graph;

import static dev.tenantry.graph.GraphFixture.json;
import static dev.tenantry.testing.SignInFlow.form;
import static dev.tenantry.testing.SignInFlow.location;
import static dev.tenantry.testing.SignInFlow.query;
import static dev.tenantry.testing.SignInFlow.signInAndReturn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.User;
import dev.tenantry.testing.CookieClient;
import dev.tenantry.testing.RunningServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 11: app roles through Graph, their assignments, and the roles claim of ID tokens, over HTTPS. */
class GraphAppRolesIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    static final String WEB = "https://orders.contoso.example/signin-oidc";
    static final String READER = "6e3d1f0a-1111-4c1e-9a57-0a2f4b6c8d01";
    static final String WRITER = "6e3d1f0a-2222-4c1e-9a57-0a2f4b6c8d02";

    static GraphFixture graph;
    static CreatedDirectory contoso;
    static CreatedDirectory fabrikam;
    static String adminToken;
    static String fabrikamToken;
    static User alice;
    static User bob;

    @BeforeAll
    static void directory() {
        graph = new GraphFixture(server);
        contoso = graph.directory("approles");
        fabrikam = graph.directory("approlesother");
        adminToken = graph.token(contoso.admin());
        fabrikamToken = graph.token(fabrikam.admin());
        alice = graph.user(contoso, "Alice Clerk", "alice");
        bob = graph.user(contoso, "Bob Outsider", "bob");
    }

    static String roles(String enabledReader) {
        return "[{\"allowedMemberTypes\":[\"User\"],\"description\":\"Reads orders\",\"displayName\":\"Reader\","
                + "\"id\":\"" + READER + "\",\"isEnabled\":" + enabledReader + ",\"value\":\"Orders.Read\"},"
                + "{\"allowedMemberTypes\":[\"User\",\"Application\"],\"description\":\"Writes orders\","
                + "\"displayName\":\"Writer\",\"id\":\"" + WRITER
                + "\",\"isEnabled\":true,\"value\":\"Orders.Write\"}]";
    }

    /** An app with the two roles, a web redirect URI and a service principal: its object id, app id and SP id. */
    static String[] ordersApp(String name) {
        HttpResponse<String> created = graph.post(
                "/v1.0/applications",
                "{\"displayName\":\"" + name + "\",\"web\":{\"redirectUris\":[\"" + WEB + "\"]},\"appRoles\":"
                        + roles("true") + "}",
                adminToken);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String appId = json(created).get("appId").asText();
        HttpResponse<String> sp = graph.post("/v1.0/servicePrincipals", "{\"appId\":\"" + appId + "\"}", adminToken);
        assertThat(sp.statusCode()).as(sp.body()).isEqualTo(201);
        return new String[] {
            json(created).get("id").asText(), appId, json(sp).get("id").asText()
        };
    }

    static String assignment(String principalId, String resourceId, String appRoleId) {
        return "{\"principalId\":\"" + principalId + "\",\"resourceId\":\"" + resourceId + "\",\"appRoleId\":\""
                + appRoleId + "\"}";
    }

    @Test
    @DisplayName(
            "appRoles are created, returned by the application and its service principal, and checked as Entra does")
    void appRolesOnApplications() {
        String[] app = ordersApp("Orders roles");

        JsonNode application = json(graph.get("/v1.0/applications/" + app[0], adminToken));
        assertThat(application.get("appRoles").findValuesAsText("value"))
                .containsExactly("Orders.Read", "Orders.Write");
        assertThat(application.at("/appRoles/0/origin").asText()).isEqualTo("Application");
        assertThat(application.at("/appRoles/1/allowedMemberTypes").toString()).isEqualTo("[\"User\",\"Application\"]");
        JsonNode sp = json(graph.get("/v1.0/servicePrincipals/" + app[2], adminToken));
        assertThat(sp.get("appRoles").findValuesAsText("id")).containsExactly(READER, WRITER);
        assertThat(sp.get("appRoleAssignmentRequired").asBoolean()).isFalse();

        HttpResponse<String> spaces = graph.post(
                "/v1.0/applications",
                "{\"displayName\":\"Bad\",\"appRoles\":[{\"allowedMemberTypes\":[\"User\"],\"id\":\""
                        + UUID.randomUUID() + "\",\"value\":\"has space\"}]}",
                adminToken);
        assertThat(spaces.statusCode()).isEqualTo(400);
        assertThat(json(spaces).at("/error/message").asText())
                .contains("appRoles")
                .contains("has space");
        HttpResponse<String> removed = graph.patch(
                "/v1.0/applications/" + app[0],
                "{\"appRoles\":[" + roles("true").substring(roles("true").indexOf("},{") + 2) + "}",
                adminToken);
        assertThat(removed.statusCode()).isEqualTo(400);
        assertThat(json(removed).at("/error/message").asText()).contains("isEnabled to false");

        // disabled first, then removed: two requests, as Entra wants
        assertThat(graph.patch("/v1.0/applications/" + app[0], "{\"appRoles\":" + roles("false") + "}", adminToken)
                        .statusCode())
                .isEqualTo(204);
        assertThat(graph.patch(
                                "/v1.0/applications/" + app[0],
                                "{\"appRoles\":["
                                        + roles("true").substring(roles("true").indexOf("},{") + 2) + "}",
                                adminToken)
                        .statusCode())
                .isEqualTo(204);
        assertThat(json(graph.get("/v1.0/applications/" + app[0], adminToken))
                        .get("appRoles")
                        .findValuesAsText("value"))
                .containsExactly("Orders.Write");
    }

    @Test
    @DisplayName("requiredResourceAccess is stored, returned and checked: a Role must be an app role of a local API")
    void requiredResourceAccess() {
        String[] api = ordersApp("Orders API");
        String body = "{\"displayName\":\"Orders client\",\"requiredResourceAccess\":[{\"resourceAppId\":\""
                + GraphFixture.GRAPH_APP_ID + "\",\"resourceAccess\":[{\"id\":"
                + "\"e1fe6dd8-ba31-4d61-89e7-88639da4683d\",\"type\":\"Scope\"}]},{\"resourceAppId\":\"" + api[1]
                + "\",\"resourceAccess\":[{\"id\":\"" + WRITER + "\",\"type\":\"Role\"}]}]}";

        HttpResponse<String> created = graph.post("/v1.0/applications", body, adminToken);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode access = json(graph.get(
                        "/v1.0/applications/" + json(created).get("id").asText(), adminToken))
                .get("requiredResourceAccess");
        assertThat(access.findValuesAsText("resourceAppId")).containsExactly(GraphFixture.GRAPH_APP_ID, api[1]);
        assertThat(access.at("/1/resourceAccess/0/type").asText()).isEqualTo("Role");

        HttpResponse<String> readerAsRole = graph.post(
                "/v1.0/applications", body.replace(WRITER, READER).replace("Orders client", "Bad client"), adminToken);
        HttpResponse<String> badType =
                graph.post("/v1.0/applications", body.replace("\"Scope\"", "\"Delegated\""), adminToken);
        assertThat(readerAsRole.statusCode()).isEqualTo(400);
        assertThat(json(readerAsRole).at("/error/message").asText()).startsWith("requiredResourceAccess");
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(json(badType).at("/error/message").asText()).contains("'Scope'");
    }

    @Test
    @DisplayName("roles are assigned to users and groups, listed both ways in Graph's shape, and removed")
    void assignments() {
        String[] app = ordersApp("Orders assignments");
        String group = json(graph.post(
                        "/v1.0/groups",
                        "{\"displayName\":\"Clerks\",\"mailEnabled\":false,\"mailNickname\":\"clerks\","
                                + "\"securityEnabled\":true}",
                        adminToken))
                .get("id")
                .asText();

        HttpResponse<String> toAlice = graph.post(
                "/v1.0/users/" + alice.id() + "/appRoleAssignments",
                assignment(alice.id().toString(), app[2], READER),
                adminToken);
        HttpResponse<String> toGroup = graph.post(
                "/v1.0/servicePrincipals/" + app[2] + "/appRoleAssignedTo",
                assignment(group, app[2], WRITER),
                adminToken);
        HttpResponse<String> wrongRole = graph.post(
                "/v1.0/users/" + bob.id() + "/appRoleAssignments",
                assignment(bob.id().toString(), app[2], UUID.randomUUID().toString()),
                adminToken);
        HttpResponse<String> byAlice = graph.post(
                "/v1.0/users/" + bob.id() + "/appRoleAssignments",
                assignment(bob.id().toString(), app[2], READER),
                graph.token(alice));

        assertThat(toAlice.statusCode()).as(toAlice.body()).isEqualTo(201);
        JsonNode shown = json(toAlice);
        assertThat(shown.get("principalType").asText()).isEqualTo("User");
        assertThat(shown.get("principalDisplayName").asText()).isEqualTo("Alice Clerk");
        assertThat(shown.get("resourceDisplayName").asText()).isEqualTo("Orders assignments");
        assertThat(shown.get("appRoleId").asText()).isEqualTo(READER);
        assertThat(shown.has("createdDateTime")).isTrue();
        assertThat(toGroup.statusCode()).as(toGroup.body()).isEqualTo(201);
        assertThat(json(toGroup).get("principalType").asText()).isEqualTo("Group");
        assertThat(wrongRole.statusCode()).isEqualTo(400);
        assertThat(byAlice.statusCode()).isEqualTo(403);

        JsonNode assignedTo = json(graph.get("/v1.0/servicePrincipals/" + app[2] + "/appRoleAssignedTo", adminToken));
        assertThat(assignedTo.get("value").findValuesAsText("principalId"))
                .containsExactlyInAnyOrder(alice.id().toString(), group);
        JsonNode ofGroup = json(graph.get("/v1.0/groups/" + group + "/appRoleAssignments", adminToken));
        assertThat(ofGroup.get("value").findValuesAsText("appRoleId")).containsExactly(WRITER);
        HttpResponse<String> otherDirectory =
                graph.get("/v1.0/servicePrincipals/" + app[2] + "/appRoleAssignedTo", fabrikamToken);
        assertThat(otherDirectory.statusCode()).isEqualTo(404);

        String id = shown.get("id").asText();
        assertThat(graph.delete("/v1.0/users/" + alice.id() + "/appRoleAssignments/" + id, adminToken)
                        .statusCode())
                .isEqualTo(204);
        assertThat(json(graph.get("/v1.0/users/" + alice.id() + "/appRoleAssignments", adminToken))
                        .get("value")
                        .findValuesAsText("resourceId"))
                .doesNotContain(app[2]);
    }

    @Test
    @DisplayName(
            "the ID token of the authorization code flow carries the user's roles; an unassigned user gets AADSTS50105")
    void rolesInIdTokens() throws Exception {
        String[] app = ordersApp("Orders sign-in");
        String secret = json(graph.post("/v1.0/applications/" + app[0] + "/addPassword", "{}", adminToken))
                .get("secretText")
                .asText();
        graph.post(
                "/v1.0/users/" + alice.id() + "/appRoleAssignments",
                assignment(alice.id().toString(), app[2], WRITER),
                adminToken);
        assertThat(graph.patch("/v1.0/servicePrincipals/" + app[2], "{\"appRoleAssignmentRequired\":true}", adminToken)
                        .statusCode())
                .isEqualTo(204);
        assertThat(json(graph.get("/v1.0/servicePrincipals/" + app[2], adminToken))
                        .get("appRoleAssignmentRequired")
                        .asBoolean())
                .isTrue();

        CookieClient browser = new CookieClient(server);
        String url = authorize(app[1]);
        String location = location(signInAndReturn(browser, url, alice.userPrincipalName(), GraphFixture.PASSWORD));
        String code = query(location).get("code");
        assertThat(code).as(location).isNotNull();
        HttpResponse<String> tokens = server.postForm(
                "/" + contoso.tenant().id() + "/oauth2/v2.0/token",
                "client_id=" + app[1] + "&grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(WEB)
                        + "&client_secret=" + enc(secret));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JWTClaimsSet id = SignedJWT.parse(json(tokens).get("id_token").asText()).getJWTClaimsSet();
        assertThat(id.getStringListClaim("roles")).containsExactly("Orders.Write");

        // bob holds no assignment: a page in the browser, AADSTS50105 at the token endpoint
        HttpResponse<String> page =
                signInAndReturn(new CookieClient(server), url, bob.userPrincipalName(), GraphFixture.PASSWORD);
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("not assigned");
        HttpResponse<String> password = server.postForm(
                "/" + contoso.tenant().id() + "/oauth2/v2.0/token",
                "client_id=" + app[1] + "&grant_type=password&scope=openid&username=" + enc(bob.userPrincipalName())
                        + "&password=" + enc(GraphFixture.PASSWORD) + "&client_secret=" + enc(secret));
        assertThat(password.statusCode()).isEqualTo(400);
        assertThat(json(password).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(json(password).get("error_description").asText()).startsWith("AADSTS50105");
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String authorize(String clientId) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", clientId);
        params.put("response_type", "code");
        params.put("redirect_uri", WEB);
        params.put("scope", "openid profile");
        params.put("state", "s1");
        return "/" + contoso.tenant().id() + "/oauth2/v2.0/authorize?" + form(params);
    }
}
