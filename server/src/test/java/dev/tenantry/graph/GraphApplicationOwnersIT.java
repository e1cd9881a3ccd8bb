package dev.tenantry.graph;

import static dev.tenantry.graph.GraphFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.User;
import dev.tenantry.testing.RunningServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 12: owners of applications and service principals, and {@code ownedObjects}, over the real server. */
class GraphApplicationOwnersIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static GraphFixture graph;
    private static CreatedDirectory contoso;
    private static CreatedDirectory fabrikam;
    private static User alice;
    private static String adminToken;
    private static String aliceToken;
    private static String bobToken;
    private static String fabrikamToken;

    @BeforeAll
    static void directory() {
        graph = new GraphFixture(server);
        contoso = graph.directory("owners");
        fabrikam = graph.directory("ownersfab");
        alice = graph.user(contoso, "Alice Adams", "alice");
        User bob = graph.user(contoso, "Bob Brown", "bob");
        adminToken = graph.token(contoso.admin());
        aliceToken = graph.token(alice);
        bobToken = graph.token(bob);
        fabrikamToken = graph.token(fabrikam.admin());
    }

    private static String ref(String id) {
        return "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + id + "\"}";
    }

    @Test
    @DisplayName("issue 12: the user who registers an application becomes its owner, as in Entra")
    void creatorBecomesOwner() {
        GraphFixture.App app = graph.registerApp(adminToken, "Created");

        JsonNode owners = json(graph.get("/v1.0/applications/" + app.objectId() + "/owners", adminToken));

        assertThat(owners.get("value").findValuesAsText("id"))
                .containsExactly(contoso.admin().id().toString());
        assertThat(owners.at("/value/0/@odata.type").asText()).isEqualTo("#microsoft.graph.user");
        assertThat(owners.at("/value/0/userPrincipalName").asText())
                .isEqualTo(contoso.admin().userPrincipalName());
    }

    @Test
    @DisplayName("issue 12: an owner without a directory role updates the app and rolls its secrets; others cannot")
    void ownerManagesTheApplicationWithoutARole() {
        GraphFixture.App app = graph.registerApp(adminToken, "Owned");
        String base = "/v1.0/applications/" + app.objectId();
        HttpResponse<String> beforeOwner = graph.patch(base, "{\"displayName\":\"Not yet\"}", aliceToken);

        HttpResponse<String> added =
                graph.post(base + "/owners/$ref", ref(alice.id().toString()), adminToken);
        HttpResponse<String> renamed = graph.patch(base, "{\"displayName\":\"Owned v2\"}", aliceToken);
        JsonNode secret = json(graph.post(base + "/addPassword", "{}", aliceToken));
        HttpResponse<String> removed = graph.post(
                base + "/removePassword", "{\"keyId\":\"" + secret.get("keyId").asText() + "\"}", aliceToken);
        HttpResponse<String> byBob = graph.patch(base, "{\"displayName\":\"Bob's\"}", bobToken);
        HttpResponse<String> bobAddsHimself =
                graph.post(base + "/owners/$ref", ref(contoso.admin().id().toString()), bobToken);

        assertThat(beforeOwner.statusCode()).isEqualTo(403);
        assertThat(added.statusCode()).isEqualTo(204);
        assertThat(renamed.statusCode()).isEqualTo(204);
        assertThat(secret.get("secretText").asText()).isNotBlank();
        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(byBob.statusCode()).isEqualTo(403);
        assertThat(bobAddsHimself.statusCode()).isEqualTo(403);
        assertThat(json(graph.get(base, adminToken)).get("displayName").asText())
                .isEqualTo("Owned v2");
    }

    @Test
    @DisplayName("issue 12: a service principal owns an application; owners are added once and removed by $ref")
    void servicePrincipalOwnersAndRemoval() {
        GraphFixture.App app = graph.registerApp(adminToken, "Target");
        GraphFixture.App robot = graph.registerApp(adminToken, "Robot");
        String owners = "/v1.0/applications/" + app.objectId() + "/owners";

        HttpResponse<String> added = graph.post(owners + "/$ref", ref(robot.spId()), adminToken);
        HttpResponse<String> twice = graph.post(owners + "/$ref", ref(robot.spId()), adminToken);
        JsonNode listed = json(graph.get(owners, adminToken));
        HttpResponse<String> removed = graph.delete(owners + "/" + robot.spId() + "/$ref", adminToken);
        HttpResponse<String> removedAgain = graph.delete(owners + "/" + robot.spId() + "/$ref", adminToken);
        HttpResponse<String> unknown =
                graph.post(owners + "/$ref", ref("00000000-0000-0000-0000-000000000001"), adminToken);

        assertThat(added.statusCode()).isEqualTo(204);
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(listed.get("value").findValuesAsText("@odata.type"))
                .contains("#microsoft.graph.servicePrincipal", "#microsoft.graph.user");
        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(removedAgain.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(graph.get(owners, adminToken)).get("value").findValuesAsText("id"))
                .doesNotContain(robot.spId());
    }

    @Test
    @DisplayName("issue 12: service principals have owners; an owner deletes its service principal without a role")
    void servicePrincipalOwnerDeletesIt() {
        GraphFixture.App app = graph.registerApp(adminToken, "Enterprise");
        String sp = "/v1.0/servicePrincipals/" + app.spId();

        HttpResponse<String> refused = graph.delete(sp, bobToken);
        HttpResponse<String> added =
                graph.post(sp + "/owners/$ref", ref(alice.id().toString()), adminToken);
        JsonNode owners = json(graph.get(sp + "/owners", aliceToken));
        HttpResponse<String> deleted = graph.delete(sp, aliceToken);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(added.statusCode()).isEqualTo(204);
        assertThat(owners.get("value").findValuesAsText("id"))
                .containsExactly(alice.id().toString());
        assertThat(deleted.statusCode()).isEqualTo(204);
    }

    @Test
    @DisplayName("issue 12: /me/ownedObjects lists owned applications, service principals and groups, typed")
    void ownedObjectsAreTyped() {
        User carol = graph.user(contoso, "Carol Clark", "carol");
        String carolToken = graph.token(carol);
        GraphFixture.App app = graph.registerApp(adminToken, "Carol's");
        graph.post(
                "/v1.0/applications/" + app.objectId() + "/owners/$ref",
                ref(carol.id().toString()),
                adminToken);
        graph.post(
                "/v1.0/servicePrincipals/" + app.spId() + "/owners/$ref",
                ref(carol.id().toString()),
                adminToken);
        JsonNode group = json(graph.post(
                "/v1.0/groups",
                "{\"displayName\":\"Carol's team\",\"mailEnabled\":false,\"mailNickname\":\"carolteam\","
                        + "\"securityEnabled\":true}",
                carolToken));

        JsonNode mine = json(graph.get("/v1.0/me/ownedObjects", carolToken));
        JsonNode byAdmin = json(graph.get("/v1.0/users/" + carol.id() + "/ownedObjects", adminToken));
        JsonNode byUpn = json(graph.get("/v1.0/users/" + carol.userPrincipalName() + "/ownedObjects", adminToken));
        JsonNode selected = json(graph.get("/v1.0/me/ownedObjects?$select=displayName&$top=2", carolToken));
        JsonNode rest = json(graph.get(selected.get("@odata.nextLink").asText(), carolToken));

        assertThat(mine.get("value").findValuesAsText("@odata.type"))
                .containsExactlyInAnyOrder(
                        "#microsoft.graph.application", "#microsoft.graph.servicePrincipal", "#microsoft.graph.group");
        assertThat(mine.get("value").findValuesAsText("id"))
                .containsExactlyInAnyOrder(
                        app.objectId(), app.spId(), group.get("id").asText());
        assertThat(byAdmin.get("value")).hasSize(3);
        assertThat(byUpn.get("value")).hasSize(3);
        assertThat(selected.get("value")).hasSize(2);
        assertThat(selected.at("/value/0").size()).isEqualTo(3);
        assertThat(selected.at("/value/0/displayName").isTextual()).isTrue();
        assertThat(rest.get("value")).hasSize(1);
        assertThat(rest.has("@odata.nextLink")).isFalse();
    }

    @Test
    @DisplayName("issue 12: ownedObjects refuses options it does not honour and unknown properties with a 400")
    void ownedObjectsRefusesUnsupportedOptions() {
        HttpResponse<String> filtered = graph.get("/v1.0/me/ownedObjects?$filter=displayName%20eq%20'x'", aliceToken);
        HttpResponse<String> unknown = graph.get("/v1.0/me/ownedObjects?$select=shoeSize", aliceToken);
        HttpResponse<String> ownersFiltered = graph.get(
                "/v1.0/applications/" + graph.registerApp(adminToken, "Q").objectId() + "/owners?$top=1", adminToken);

        assertThat(filtered.statusCode()).isEqualTo(400);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(ownersFiltered.statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("R14: another directory's application, its owners and its users' ownedObjects are not found")
    void r14OtherDirectoryCannotSeeOrChangeOwners() {
        GraphFixture.App app = graph.registerApp(adminToken, "Private");
        String owners = "/v1.0/applications/" + app.objectId() + "/owners";

        HttpResponse<String> read = graph.get(owners, fabrikamToken);
        HttpResponse<String> add =
                graph.post(owners + "/$ref", ref(fabrikam.admin().id().toString()), fabrikamToken);
        HttpResponse<String> crossOwner =
                graph.post(owners + "/$ref", ref(fabrikam.admin().id().toString()), adminToken);
        HttpResponse<String> owned = graph.get("/v1.0/users/" + alice.id() + "/ownedObjects", fabrikamToken);

        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(add.statusCode()).isEqualTo(404);
        assertThat(crossOwner.statusCode()).isEqualTo(404);
        assertThat(owned.statusCode()).isEqualTo(404);
    }
}
