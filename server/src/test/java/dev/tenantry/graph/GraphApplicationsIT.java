package dev.tenantry.graph;

import static dev.tenantry.graph.GraphFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.GraphPermission;
import dev.tenantry.directory.User;
import dev.tenantry.testing.RunningServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GraphApplicationsIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static GraphFixture graph;
    private static CreatedDirectory contoso;
    private static String adminToken;
    private static String aliceToken;
    private static String graphSpId;

    @BeforeAll
    static void directory() {
        graph = new GraphFixture(server);
        contoso = graph.directory("contoso");
        User alice = graph.user(contoso, "Alice Adams", "alice");
        adminToken = graph.token(contoso.admin());
        aliceToken = graph.token(alice);
        graphSpId = graph.graphServicePrincipalId(adminToken);
    }

    @Test
    void graphServicePrincipalOffersGraphsAppRoles() {
        JsonNode sp = json(graph.get("/v1.0/servicePrincipals/" + graphSpId, adminToken));

        assertThat(sp.get("appId").asText()).isEqualTo(GraphFixture.GRAPH_APP_ID);
        assertThat(sp.get("appRoles").findValuesAsText("value")).contains("User.Read.All", "Directory.Read.All");
        assertThat(sp.at("/appRoles/0/allowedMemberTypes/0").asText()).isEqualTo("Application");
    }

    @Test
    void appWithUserReadAllReadsUsersButHasNoMe() {
        GraphFixture.App app = graph.registerApp(adminToken, "Reader");
        HttpResponse<String> granted = graph.post(
                "/v1.0/servicePrincipals/" + app.spId() + "/appRoleAssignments",
                GraphFixture.grantBody(app.spId(), graphSpId, GraphPermission.USER_READ_ALL),
                adminToken);
        String token = graph.appToken(contoso, app.appId(), app.secret());

        HttpResponse<String> users = graph.get("/v1.0/users", token);
        HttpResponse<String> me = graph.get("/v1.0/me", token);
        JsonNode assignments =
                json(graph.get("/v1.0/servicePrincipals/" + app.spId() + "/appRoleAssignments", adminToken));

        assertThat(granted.statusCode()).isEqualTo(201);
        assertThat(users.statusCode()).isEqualTo(200);
        assertThat(json(users).get("value").findValuesAsText("id"))
                .contains(contoso.admin().id().toString());
        assertThat(me.statusCode()).isEqualTo(400);
        assertThat(json(me).at("/error/message").asText())
                .isEqualTo("/me request is only valid with delegated authentication flow.");
        assertThat(assignments.get("value").findValuesAsText("appRoleId"))
                .containsExactly(GraphPermission.USER_READ_ALL.id().toString());
    }

    @Test
    void appWithoutGrantsReadsNothing() {
        GraphFixture.App app = graph.registerApp(adminToken, "Nobody");
        String token = graph.appToken(contoso, app.appId(), app.secret());

        HttpResponse<String> users = graph.get("/v1.0/users", token);

        assertThat(users.statusCode()).isEqualTo(403);
        assertThat(json(users).at("/error/code").asText()).isEqualTo("Authorization_RequestDenied");
    }

    @Test
    void onlyAGlobalAdministratorGrantsAndRevokesPermissions() {
        GraphFixture.App app = graph.registerApp(adminToken, "Granted");
        String path = "/v1.0/servicePrincipals/" + app.spId() + "/appRoleAssignments";

        HttpResponse<String> refused = graph.post(
                path, GraphFixture.grantBody(app.spId(), graphSpId, GraphPermission.USER_READ_ALL), aliceToken);
        String assignmentId = json(graph.post(
                        path, GraphFixture.grantBody(app.spId(), graphSpId, GraphPermission.USER_READ_ALL), adminToken))
                .get("id")
                .asText();
        HttpResponse<String> revoked = graph.delete(path + "/" + assignmentId, adminToken);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(json(graph.get(path, adminToken)).get("value")).isEmpty();
    }

    @Test
    void listsGetsAndDeletesApplications() {
        GraphFixture.App app = graph.registerApp(adminToken, "Short-lived");

        JsonNode list = json(graph.get("/v1.0/applications", adminToken));
        JsonNode one = json(graph.get("/v1.0/applications/" + app.objectId(), adminToken));
        HttpResponse<String> deleted = graph.delete("/v1.0/applications/" + app.objectId(), adminToken);

        assertThat(list.get("value").findValuesAsText("appId")).contains(app.appId());
        assertThat(one.at("/passwordCredentials/0/hint").asText())
                .isEqualTo(app.secret().substring(0, 3));
        assertThat(one.at("/passwordCredentials/0/secretText").isNull()).isTrue();
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(graph.get("/v1.0/applications/" + app.objectId(), adminToken).statusCode())
                .isEqualTo(404);
    }

    @Test
    @DisplayName("issue 9: groupMembershipClaims is created, patched (null turns it off) and read back; null until set")
    void groupMembershipClaimsRoundTrips() {
        GraphFixture.App plain = graph.registerApp(adminToken, "Plain");
        HttpResponse<String> created = graph.post(
                "/v1.0/applications",
                "{\"displayName\":\"Web\",\"groupMembershipClaims\":\"SecurityGroup\"}",
                adminToken);
        String path = "/v1.0/applications/" + json(created).get("id").asText();

        HttpResponse<String> patched = graph.patch(path, "{\"groupMembershipClaims\":\"All\"}", adminToken);
        HttpResponse<String> renamed = graph.patch(path, "{\"displayName\":\"Web v2\"}", adminToken);
        JsonNode read = json(graph.get(path, adminToken));
        HttpResponse<String> cleared = graph.patch(path, "{\"groupMembershipClaims\":null}", adminToken);

        assertThat(json(graph.get("/v1.0/applications/" + plain.objectId(), adminToken))
                        .get("groupMembershipClaims")
                        .isNull())
                .isTrue();
        assertThat(json(created).get("groupMembershipClaims").asText()).isEqualTo("SecurityGroup");
        assertThat(patched.statusCode()).isEqualTo(204);
        assertThat(renamed.statusCode()).isEqualTo(204);
        assertThat(read.get("groupMembershipClaims").asText()).isEqualTo("All");
        assertThat(read.get("displayName").asText()).isEqualTo("Web v2");
        assertThat(cleared.statusCode()).isEqualTo(204);
        assertThat(json(graph.get(path, adminToken))
                        .get("groupMembershipClaims")
                        .asText())
                .isEqualTo("None");
    }

    @Test
    @DisplayName("issue 9: an unknown groupMembershipClaims is a 400 naming the accepted values, and nothing changes")
    void unknownGroupMembershipClaimsIsA400() {
        GraphFixture.App app = graph.registerApp(adminToken, "Strict");
        String path = "/v1.0/applications/" + app.objectId();

        HttpResponse<String> unknown = graph.patch(path, "{\"groupMembershipClaims\":\"Everything\"}", adminToken);
        HttpResponse<String> applicationGroup =
                graph.patch(path, "{\"groupMembershipClaims\":\"ApplicationGroup\"}", adminToken);
        HttpResponse<String> wrongType = graph.patch(path, "{\"groupMembershipClaims\":[\"All\"]}", adminToken);
        HttpResponse<String> onCreate = graph.post(
                "/v1.0/applications", "{\"displayName\":\"X\",\"groupMembershipClaims\":\"Al\"}", adminToken);
        HttpResponse<String> byMember = graph.patch(path, "{\"groupMembershipClaims\":\"All\"}", aliceToken);

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).at("/error/message").asText())
                .contains("'Everything'")
                .contains("None, SecurityGroup, DirectoryRole, All");
        assertThat(applicationGroup.statusCode()).isEqualTo(400);
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(onCreate.statusCode()).isEqualTo(400);
        assertThat(byMember.statusCode()).isEqualTo(403);
        assertThat(json(graph.get(path, adminToken))
                        .get("groupMembershipClaims")
                        .isNull())
                .isTrue();
    }

    @Test
    @DisplayName(
            "issue 12: removePassword deletes a client secret, which stops getting tokens at once; errors as Graph's")
    void removePasswordRevokesASecret() {
        GraphFixture.App app = graph.registerApp(adminToken, "Leaked secret");
        String keyId = json(graph.get("/v1.0/applications/" + app.objectId(), adminToken))
                .at("/passwordCredentials/0/keyId")
                .asText();
        graph.appToken(contoso, app.appId(), app.secret()); // works before

        HttpResponse<String> removed = graph.post(
                "/v1.0/applications/" + app.objectId() + "/removePassword",
                "{\"keyId\":\"" + keyId + "\"}",
                adminToken);
        HttpResponse<String> again = graph.post(
                "/v1.0/applications/" + app.objectId() + "/removePassword",
                "{\"keyId\":\"" + keyId + "\"}",
                adminToken);
        HttpResponse<String> noKey =
                graph.post("/v1.0/applications/" + app.objectId() + "/removePassword", "{}", adminToken);
        HttpResponse<String> byMember = graph.post(
                "/v1.0/applications/" + app.objectId() + "/removePassword",
                "{\"keyId\":\"" + keyId + "\"}",
                aliceToken);
        HttpResponse<String> token = server.postForm(
                "/" + contoso.tenant().id() + "/oauth2/v2.0/token",
                "grant_type=client_credentials&client_id=" + app.appId() + "&client_secret="
                        + GraphFixture.encode(app.secret()) + "&scope="
                        + GraphFixture.encode(GraphFixture.GRAPH_SCOPE));

        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(byMember.statusCode()).isEqualTo(403);
        assertThat(token.statusCode()).isEqualTo(401);
        assertThat(json(graph.get("/v1.0/applications/" + app.objectId(), adminToken))
                        .get("passwordCredentials"))
                .isEmpty();
    }

    @Test
    @DisplayName("issue 12: DELETE /servicePrincipals/{id} removes it (204, then 404); Graph's own cannot be deleted")
    void deletesAServicePrincipal() {
        GraphFixture.App app = graph.registerApp(adminToken, "Going away");

        HttpResponse<String> byMember = graph.delete("/v1.0/servicePrincipals/" + app.spId(), aliceToken);
        HttpResponse<String> deleted = graph.delete("/v1.0/servicePrincipals/" + app.spId(), adminToken);
        HttpResponse<String> again = graph.delete("/v1.0/servicePrincipals/" + app.spId(), adminToken);
        HttpResponse<String> graphSp = graph.delete("/v1.0/servicePrincipals/" + graphSpId, adminToken);

        assertThat(byMember.statusCode()).isEqualTo(403);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(graph.get("/v1.0/servicePrincipals/" + app.spId(), adminToken)
                        .statusCode())
                .isEqualTo(404);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(graphSp.statusCode()).isEqualTo(422);
        assertThat(json(graph.get("/v1.0/applications/" + app.objectId(), adminToken))
                        .get("appId")
                        .asText())
                .isEqualTo(app.appId());
    }
}
