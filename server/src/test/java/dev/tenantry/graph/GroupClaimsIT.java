package dev.tenantry.graph;

import static dev.tenantry.graph.GraphFixture.encode;
import static dev.tenantry.graph.GraphFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.User;
import dev.tenantry.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 9: an app registration's {@code groupMembershipClaims} puts the user's groups, made through Graph, in the ID
 * tokens of the token endpoint, and the overage form leads an app to Graph's {@code getMemberObjects}, over HTTPS.
 */
class GroupClaimsIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    static final String SCOPE = "https://graph.microsoft.com/.default openid profile offline_access";

    static GraphFixture graph;
    static CreatedDirectory contoso;
    static String adminToken;

    @BeforeAll
    static void directory() {
        graph = new GraphFixture(server);
        contoso = graph.directory("claims");
        adminToken = graph.token(contoso.admin());
    }

    static GraphFixture.App app(String name, String groupMembershipClaims) {
        GraphFixture.App app = graph.registerApp(adminToken, name);
        if (groupMembershipClaims != null) {
            HttpResponse<String> patched = graph.patch(
                    "/v1.0/applications/" + app.objectId(),
                    "{\"groupMembershipClaims\":\"" + groupMembershipClaims + "\"}",
                    adminToken);
            assertThat(patched.statusCode()).isEqualTo(204);
        }
        return app;
    }

    /** A group made through Graph with its members bound at creation ({@code members@odata.bind}). */
    static String group(String name, boolean security, String... memberIds) {
        String members = Arrays.stream(memberIds)
                .map(id -> "\"https://graph.microsoft.com/v1.0/directoryObjects/" + id + "\"")
                .collect(Collectors.joining(","));
        String kind = security
                ? "\"mailEnabled\":false,\"securityEnabled\":true"
                : "\"groupTypes\":[\"Unified\"],\"mailEnabled\":true,\"securityEnabled\":false";
        HttpResponse<String> created = graph.post(
                "/v1.0/groups",
                "{\"displayName\":\"" + name + "\",\"mailNickname\":\"" + name.replace(" ", "") + "\"," + kind
                        + ",\"members@odata.bind\":[" + members + "]}",
                adminToken);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asText();
    }

    static JsonNode token(String form) {
        HttpResponse<String> response = server.postForm("/" + contoso.tenant().id() + "/oauth2/v2.0/token", form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** The password grant of the confidential {@code app} for {@code user}. */
    static JsonNode signIn(GraphFixture.App app, User user) {
        return token("grant_type=password&client_id=" + app.appId() + "&client_secret=" + encode(app.secret())
                + "&username=" + encode(user.userPrincipalName()) + "&password=" + encode(GraphFixture.PASSWORD)
                + "&scope=" + encode(SCOPE));
    }

    static JsonNode refresh(GraphFixture.App app, JsonNode signedIn) {
        return token("grant_type=refresh_token&client_id=" + app.appId() + "&client_secret=" + encode(app.secret())
                + "&refresh_token=" + encode(signedIn.get("refresh_token").asText()) + "&scope=" + encode(SCOPE));
    }

    static JWTClaimsSet claims(JsonNode response, String token) throws Exception {
        return SignedJWT.parse(response.get(token).asText()).getJWTClaimsSet();
    }

    @Test
    @DisplayName("issue 9: password and refresh ID tokens carry the user's security groups, nested ones included")
    void idTokensCarryTransitiveSecurityGroups() throws Exception {
        User alice = graph.user(contoso, "Alice Adams", "alice");
        String team = group("Platform team", true, alice.id().toString());
        String department = group("Engineering", true, team);
        group("All Company", false, alice.id().toString());
        group("Others", true);
        GraphFixture.App web = app("Web", "SecurityGroup");

        JsonNode signedIn = signIn(web, alice);
        JsonNode refreshed = refresh(web, signedIn);

        assertThat(claims(signedIn, "id_token").getStringListClaim("groups"))
                .containsExactlyInAnyOrder(team, department);
        assertThat(claims(refreshed, "id_token").getStringListClaim("groups"))
                .containsExactlyInAnyOrder(team, department);
        assertThat(claims(signedIn, "access_token").getClaims()).doesNotContainKey("groups");
    }

    @Test
    @DisplayName("issue 9: a PATCH of groupMembershipClaims through Graph changes the next ID token's groups claim")
    void graphPatchTakesEffect() throws Exception {
        User bob = graph.user(contoso, "Bob Brown", "bob");
        String sales = group("Sales", false, bob.id().toString());
        GraphFixture.App web = app("Sales app", null);
        assertThat(claims(signIn(web, bob), "id_token").getClaims()).doesNotContainKey("groups");

        HttpResponse<String> patched =
                graph.patch("/v1.0/applications/" + web.objectId(), "{\"groupMembershipClaims\":\"All\"}", adminToken);

        assertThat(patched.statusCode()).isEqualTo(204);
        assertThat(claims(signIn(web, bob), "id_token").getStringListClaim("groups"))
                .containsExactly(sales);
    }

    @Test
    @DisplayName("issue 9: past 200 groups the ID token carries the overage form, and its endpoint lists the groups")
    void overageFormLeadsToGetMemberObjects() throws Exception {
        User carol = graph.user(contoso, "Carol Clark", "carol");
        // one group holds Carol, 200 more hold that group: 201 groups through nesting
        String crowd = group("Crowd", true, carol.id().toString());
        for (int i = 0; i < 200; i++) {
            group("Crowd " + i, true, crowd);
        }
        GraphFixture.App web = app("Crowd app", "SecurityGroup");

        JsonNode signedIn = signIn(web, carol);
        JWTClaimsSet id = claims(signedIn, "id_token");
        String endpoint = id.getJSONObjectClaim("_claim_sources").entrySet().stream()
                .map(source -> ((Map<?, ?>) source.getValue()).get("endpoint").toString())
                .findFirst()
                .orElseThrow();
        // what an app written for Entra does next: ask that endpoint with a Graph token for the user
        HttpResponse<String> members = graph.post(endpoint, "{\"securityEnabledOnly\":true}", graph.token(carol));

        assertThat(id.getClaims()).doesNotContainKeys("groups", "hasgroups");
        assertThat(id.getJSONObjectClaim("_claim_names")).isEqualTo(Map.of("groups", "src1"));
        assertThat(endpoint).isEqualTo(server.baseUrl() + "/v1.0/users/" + carol.id() + "/getMemberObjects");
        assertThat(members.statusCode()).as(members.body()).isEqualTo(200);
        assertThat(json(members).get("value")).hasSize(201);
    }
}
