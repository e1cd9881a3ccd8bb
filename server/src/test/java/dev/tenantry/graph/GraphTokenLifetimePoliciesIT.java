package dev.tenantry.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.GraphPermission;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.shared.Caller;
import dev.tenantry.testing.RunningServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 11: Graph's tokenLifetimePolicies over HTTPS — shape, assignment, validation and directory isolation. */
class GraphTokenLifetimePoliciesIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    static final ObjectMapper JSON = new ObjectMapper();
    static final String AZURE_CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
    static final String POLICIES = "/v1.0/policies/tokenLifetimePolicies";

    static CreatedDirectory directory(String name) {
        return server.app()
                .services()
                .tenants()
                .createDirectory(
                        name,
                        "US",
                        name.toLowerCase(java.util.Locale.ROOT),
                        NewUser.of("Ada Admin", "admin", "Passw0rd!x"));
    }

    static String graphToken(CreatedDirectory directory) throws IOException {
        String form = "client_id=" + AZURE_CLI + "&grant_type=password&username="
                + URLEncoder.encode(directory.admin().userPrincipalName(), StandardCharsets.UTF_8)
                + "&password=Passw0rd%21x&scope="
                + URLEncoder.encode("https://graph.microsoft.com/.default", StandardCharsets.UTF_8);
        HttpResponse<String> response = server.postForm("/organizations/oauth2/v2.0/token", form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    static String policyBody(String name, String lifetime) {
        return """
                {"definition":["{\\"TokenLifetimePolicy\\":{\\"Version\\":1,\\"AccessTokenLifetime\\":\\"%s\\"}}"],
                 "displayName":"%s","isOrganizationDefault":false}""".formatted(lifetime, name);
    }

    static HttpResponse<String> delete(String path, String token) {
        return server.send(server.request(path)
                .header("Authorization", "Bearer " + token)
                .DELETE()
                .build());
    }

    static HttpResponse<String> patch(String path, String json, String token) {
        return server.send(server.request(path)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    @Test
    @DisplayName("issue 11 / R14: a policy is created, assigned, read back in Graph's shape, unassigned and deleted;"
            + " another directory cannot see it")
    void lifecycleAndIsolation() throws Exception {
        CreatedDirectory contoso = directory("Lifetimes");
        CreatedDirectory other = directory("Elsewhere");
        String token = graphToken(contoso);
        Application api = server.app()
                .services()
                .applications()
                .createApplication(
                        new Caller.User(contoso.tenant().id(), contoso.admin().id()),
                        contoso.tenant().id(),
                        "Orders API");

        HttpResponse<String> created = server.postJson(POLICIES, policyBody("Two hours", "02:00:00"), token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode policy = JSON.readTree(created.body());
        String id = policy.get("id").asText();
        assertThat(policy.get("definition").get(0).asText()).contains("02:00:00");
        assertThat(policy.get("isOrganizationDefault").asBoolean()).isFalse();

        HttpResponse<String> assign = server.postJson(
                "/v1.0/applications/" + api.id() + "/tokenLifetimePolicies/$ref",
                "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/policies/tokenLifetimePolicies/" + id + "\"}",
                token);
        assertThat(assign.statusCode()).as(assign.body()).isEqualTo(204);
        JsonNode assigned = JSON.readTree(server.get("/v1.0/applications/" + api.id() + "/tokenLifetimePolicies", token)
                .body());
        assertThat(assigned.get("value").get(0).get("id").asText()).isEqualTo(id);

        assertThat(patch(POLICIES + "/" + id, "{\"displayName\":\"Renamed\"}", token)
                        .statusCode())
                .isEqualTo(204);
        assertThat(JSON.readTree(server.get(POLICIES + "/" + id, token).body())
                        .get("displayName")
                        .asText())
                .isEqualTo("Renamed");

        String otherToken = graphToken(other);
        assertThat(server.get(POLICIES + "/" + id, otherToken).statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(server.get(POLICIES, otherToken).body()).get("value"))
                .isEmpty();

        assertThat(delete("/v1.0/applications/" + api.id() + "/tokenLifetimePolicies/" + id + "/$ref", token)
                        .statusCode())
                .isEqualTo(204);
        assertThat(delete(POLICIES + "/" + id, token).statusCode()).isEqualTo(204);
        assertThat(server.get(POLICIES + "/" + id, token).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("issue 11: a bad definition is a 400 naming the property")
    void badDefinitionsAre400() throws Exception {
        String token = graphToken(directory("Badlifetimes"));

        HttpResponse<String> tooShort = server.postJson(POLICIES, policyBody("Short", "00:05:00"), token);
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("AccessTokenLifetime");

        HttpResponse<String> retired = server.postJson(
                POLICIES,
                "{\"definition\":[\"{\\\"TokenLifetimePolicy\\\":{\\\"Version\\\":1,\\\"MaxInactiveTime\\\":\\\"1.00:00:00\\\"}}\"],"
                        + "\"displayName\":\"Old\"}",
                token);
        assertThat(retired.statusCode()).isEqualTo(400);
        assertThat(retired.body()).contains("MaxInactiveTime");

        HttpResponse<String> notJson =
                server.postJson(POLICIES, "{\"definition\":[\"nope\"],\"displayName\":\"X\"}", token);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("definition");
    }

    @Test
    @DisplayName("issue 11: an app token needs Graph's documented permissions: Policy.Read.All reads,"
            + " Policy.ReadWrite.ApplicationConfiguration writes, and assigning needs Application.ReadWrite.All too")
    void applicationPermissions() throws Exception {
        GraphFixture graph = new GraphFixture(server);
        CreatedDirectory directory = graph.directory("policyperms");
        String admin = graph.token(directory.admin());
        GraphFixture.App reader = graph.registerApp(admin, "Reader");
        graph.grant(reader, admin, GraphPermission.POLICY_READ_ALL);
        GraphFixture.App writer = graph.registerApp(admin, "Writer");
        graph.grant(
                writer,
                admin,
                GraphPermission.POLICY_READWRITE_APPLICATIONCONFIGURATION,
                GraphPermission.APPLICATION_READWRITE_ALL);
        GraphFixture.App appManager = graph.registerApp(admin, "App manager");
        graph.grant(appManager, admin, GraphPermission.APPLICATION_READWRITE_ALL);
        String readerToken = graph.appToken(directory, reader.appId(), reader.secret());
        String writerToken = graph.appToken(directory, writer.appId(), writer.secret());
        String managerToken = graph.appToken(directory, appManager.appId(), appManager.secret());
        String assignment = "/v1.0/applications/" + reader.objectId() + "/tokenLifetimePolicies/$ref";

        HttpResponse<String> created = server.postJson(POLICIES, policyBody("Two hours", "02:00:00"), writerToken);
        String id = JSON.readTree(created.body()).get("id").asText();
        String reference =
                "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/policies/tokenLifetimePolicies/" + id + "\"}";

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(server.get(POLICIES, readerToken).statusCode()).isEqualTo(200);
        assertThat(server.postJson(assignment, reference, writerToken).statusCode())
                .isEqualTo(204);
        assertThat(server.postJson(POLICIES, policyBody("Nope", "02:00:00"), readerToken)
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> managerCreates = server.postJson(POLICIES, policyBody("Nope", "02:00:00"), managerToken);
        assertThat(managerCreates.statusCode()).isEqualTo(403);
        assertThat(managerCreates.body()).contains("Policy.ReadWrite.ApplicationConfiguration");
        assertThat(server.get(POLICIES, managerToken).statusCode()).isEqualTo(403);
        assertThat(server.postJson(assignment, reference, readerToken).statusCode())
                .isEqualTo(403);
    }
}
