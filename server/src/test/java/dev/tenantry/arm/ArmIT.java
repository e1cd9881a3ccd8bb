package dev.tenantry.arm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.directory.NewUser;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.Tokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ArmIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Tenantry!2026";
    private static final String API = "?api-version=2022-12-01";
    private static final String AUTH_API = "?api-version=2022-04-01";

    static String subscriptionId;
    static String tenantId;
    static String ownerToken;
    static String readerToken;
    static String readerId;

    @BeforeAll
    static void signUpForCloud() throws Exception {
        HttpResponse<String> signUp = server.postJson("/api/signups", """
                {"organization":"Fabrikam","domainPrefix":"fabrikam","countryCode":"NL",
                 "admin":{"displayName":"Pat Owner","userName":"admin","password":"%s"},"product":"MS-AZR-0003P"}
                """.formatted(PASSWORD));
        JsonNode body = JSON.readTree(signUp.body());
        subscriptionId = body.at("/subscription/subscriptionId").asText();
        tenantId = body.get("tenantId").asText();
        readerId = server.app()
                .services()
                .users()
                .createUser(Caller.system(), TenantId.parse(tenantId), NewUser.of("Robin Reader", "robin", PASSWORD))
                .id()
                .toString();
        ownerToken = Tokens.password(server, "admin@fabrikam.onmicrosoft.test", PASSWORD, Tokens.MANAGEMENT);
        readerToken = Tokens.password(server, "robin@fabrikam.onmicrosoft.test", PASSWORD, Tokens.MANAGEMENT);
    }

    @Test
    void listsTheSubscriptionOfTheAccountAdministrator() throws Exception {
        HttpResponse<String> response = server.get("/subscriptions" + API, ownerToken);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode first = JSON.readTree(response.body()).get("value").get(0);
        assertThat(first.get("subscriptionId").asText()).isEqualTo(subscriptionId);
        assertThat(first.get("tenantId").asText()).isEqualTo(tenantId);
        assertThat(first.get("state").asText()).isEqualTo("Enabled");
        assertThat(first.at("/subscriptionPolicies/quotaId").asText()).isEqualTo("PayAsYouGo_2014-09-01");
    }

    @Test
    void listsTheCallersTenant() throws Exception {
        HttpResponse<String> response = server.get("/tenants" + API, ownerToken);

        JsonNode tenant = JSON.readTree(response.body()).get("value").get(0);
        assertThat(tenant.get("tenantId").asText()).isEqualTo(tenantId);
        assertThat(tenant.get("defaultDomain").asText()).isEqualTo("fabrikam.onmicrosoft.test");
        assertThat(tenant.get("countryCode").asText()).isEqualTo("NL");
    }

    @Test
    void missingApiVersionIsRefusedAsArmDoes() {
        HttpResponse<String> response = server.get("/subscriptions", ownerToken);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"MissingApiVersionParameter\"");
    }

    @Test
    void missingTokenIsAChallenge() {
        HttpResponse<String> response = server.get("/subscriptions" + API);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer authorization_uri="));
    }

    @Test
    void r4AccountAdministratorHoldsOwner() throws Exception {
        HttpResponse<String> response = server.get(
                "//subscriptions/" + subscriptionId + "/providers/Microsoft.Authorization/roleAssignments" + AUTH_API,
                ownerToken);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635");
    }

    @Test
    void roleDefinitionsHonourTheRoleNameFilter() throws Exception {
        HttpResponse<String> response = server.get(
                "//subscriptions/" + subscriptionId
                        + "/providers/Microsoft.Authorization/roleDefinitions" + AUTH_API
                        + "&$filter=roleName%20eq%20%27Reader%27",
                ownerToken);

        JsonNode value = JSON.readTree(response.body()).get("value");
        assertThat(value).hasSize(1);
        assertThat(value.get(0).get("name").asText()).isEqualTo("acdd72a7-3385-48ef-bd42-f606fba81ae7");
    }

    @Test
    void ownerAssignsReaderWhoThenSeesButCannotWrite() {
        String assignment = assignmentPath(UUID.randomUUID());

        HttpResponse<String> put =
                put(assignment, roleBody("acdd72a7-3385-48ef-bd42-f606fba81ae7", readerId), ownerToken);
        HttpResponse<String> readerList = server.get("/subscriptions" + API, readerToken);
        HttpResponse<String> readerWrite =
                put(groupPath("readers-group"), "{\"location\":\"westeurope\"}", readerToken);

        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(readerList.body()).contains(subscriptionId);
        assertThat(readerWrite.statusCode()).isEqualTo(403);
        assertThat(readerWrite.body()).contains("\"code\":\"AuthorizationFailed\"");
    }

    @Test
    void readerCannotAssignRoles() {
        String assignment = assignmentPath(UUID.randomUUID());
        put(assignmentPath(UUID.randomUUID()), roleBody("acdd72a7-3385-48ef-bd42-f606fba81ae7", readerId), ownerToken);

        HttpResponse<String> response =
                put(assignment, roleBody("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", readerId), readerToken);

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void ownerCreatesListsAndDeletesResourceGroups() {
        HttpResponse<String> created =
                put(groupPath("rg-app"), "{\"location\":\"West Europe\",\"tags\":{\"env\":\"test\"}}", ownerToken);
        HttpResponse<String> listed =
                server.get("/subscriptions/" + subscriptionId + "/resourcegroups" + API, ownerToken);
        HttpResponse<String> deleted = server.send(server.request(groupPath("RG-APP") + API)
                .header("Authorization", "Bearer " + ownerToken)
                .DELETE()
                .build());
        HttpResponse<String> gone = server.get(groupPath("rg-app") + API, ownerToken);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"location\":\"westeurope\"", "\"env\":\"test\"");
        assertThat(listed.body()).contains("\"name\":\"rg-app\"");
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("ResourceGroupNotFound");
    }

    @Test
    void r14UserOfAnotherDirectoryCannotSeeTheSubscription() throws Exception {
        server.postJson("/api/signups", """
                {"organization":"Other","domainPrefix":"otherarm","countryCode":"US",
                 "admin":{"displayName":"Other Admin","userName":"admin","password":"%s"},"product":"MS-AZR-0044P"}
                """.formatted(PASSWORD));
        String stranger = Tokens.password(server, "admin@otherarm.onmicrosoft.test", PASSWORD, Tokens.MANAGEMENT);

        HttpResponse<String> direct = server.get("/subscriptions/" + subscriptionId + API, stranger);
        HttpResponse<String> listed = server.get("/subscriptions" + API, stranger);

        assertThat(direct.statusCode()).isEqualTo(404);
        assertThat(direct.body()).contains("SubscriptionNotFound");
        assertThat(listed.body()).doesNotContain(subscriptionId);
    }

    @Test
    @DisplayName("issue 7 (low): a role assignment name another directory uses is no existence oracle")
    void assignmentNameOfAnotherDirectoryLeaksNothing() throws Exception {
        JsonNode other = JSON.readTree(
                server.postJson("/api/signups", """
                        {"organization":"Oracle","domainPrefix":"oraclearm","countryCode":"US",
                         "admin":{"displayName":"Oracle Admin","userName":"admin","password":"%s"},
                         "product":"MS-AZR-0044P"}
                        """.formatted(PASSWORD)).body());
        String otherToken = Tokens.password(server, "admin@oraclearm.onmicrosoft.test", PASSWORD, Tokens.MANAGEMENT);
        UUID name = UUID.randomUUID();
        String otherPath =
                "/subscriptions/" + other.at("/subscription/subscriptionId").asText()
                        + "/providers/Microsoft.Authorization/roleAssignments/" + name;
        String readerOfOther = roleBody(
                        "acdd72a7-3385-48ef-bd42-f606fba81ae7",
                        other.at("/admin/id").asText())
                .replace(
                        subscriptionId, other.at("/subscription/subscriptionId").asText());
        assertThat(put(otherPath, readerOfOther, otherToken).statusCode()).isEqualTo(201);

        String sam = server.app()
                .services()
                .users()
                .createUser(Caller.system(), TenantId.parse(tenantId), NewUser.of("Sam Second", "sam", PASSWORD))
                .id()
                .toString();

        HttpResponse<String> mine =
                put(assignmentPath(name), roleBody("acdd72a7-3385-48ef-bd42-f606fba81ae7", sam), ownerToken);

        assertThat(mine.statusCode()).isEqualTo(201);
        assertThat(mine.body())
                .contains(sam)
                .doesNotContain(other.at("/admin/id").asText());
    }

    @Test
    void graphTokenIsNotAcceptedByArm() {
        String graphToken = Tokens.password(server, "admin@fabrikam.onmicrosoft.test", PASSWORD, Tokens.GRAPH);

        HttpResponse<String> response = server.get("/subscriptions" + API, graphToken);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private static String assignmentPath(UUID name) {
        return "/subscriptions/" + subscriptionId + "/providers/Microsoft.Authorization/roleAssignments/" + name;
    }

    private static String groupPath(String name) {
        return "/subscriptions/" + subscriptionId + "/resourcegroups/" + name;
    }

    private static String roleBody(String roleId, String principalId) {
        return "{\"properties\":{\"roleDefinitionId\":\"/subscriptions/" + subscriptionId
                + "/providers/Microsoft.Authorization/roleDefinitions/" + roleId + "\",\"principalId\":\"" + principalId
                + "\"}}";
    }

    private static HttpResponse<String> put(String path, String body, String token) {
        return server.send(server.request(path + (path.contains("roleAssignments") ? AUTH_API : API))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    @Test
    @DisplayName(
            "issue 10 (R4): classicAdministrators names the account administrator as service and account administrator")
    void classicAdministratorsNameTheAccountAdministrator() throws Exception {
        String path = "/subscriptions/" + subscriptionId
                + "/providers/Microsoft.Authorization/classicAdministrators?api-version=2015-07-01";

        HttpResponse<String> response = server.get(path, ownerToken);
        HttpResponse<String> stranger = server.get(path, readerToken);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode admin = JSON.readTree(response.body()).get("value").get(0);
        assertThat(admin.at("/properties/emailAddress").asText()).isEqualTo("admin@fabrikam.onmicrosoft.test");
        assertThat(admin.at("/properties/role").asText()).isEqualTo("ServiceAdministrator;AccountAdministrator");
        assertThat(admin.get("type").asText()).isEqualTo("Microsoft.Authorization/classicAdministrators");
        assertThat(admin.get("id").asText())
                .startsWith("/subscriptions/" + subscriptionId
                        + "/providers/Microsoft.Authorization/classicAdministrators/");
        assertThat(stranger.statusCode()).isIn(403, 404);
    }
}
