package dev.tenantry.arm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.directory.NewUser;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.Tokens;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 10 over HTTP: role assignments at resource-group scope, ARM's filters, permissions and the activity log. */
class ArmRbacIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Tenantry!2026";
    private static final String API = "?api-version=2022-12-01";
    private static final String AUTH_API = "?api-version=2022-04-01";
    private static final String READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
    private static final String CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c";

    static String subscriptionId;
    static String ownerToken;
    static String robinId;
    static String robinToken;

    @BeforeAll
    static void signUp() throws Exception {
        JsonNode body = JSON.readTree(
                server.postJson("/api/signups", """
                        {"organization":"Northwind","domainPrefix":"northwind","countryCode":"NL",
                         "admin":{"displayName":"Pat Owner","userName":"admin","password":"%s"},
                         "product":"MS-AZR-0003P"}
                        """.formatted(PASSWORD)).body());
        subscriptionId = body.at("/subscription/subscriptionId").asText();
        robinId = server.app()
                .services()
                .users()
                .createUser(
                        Caller.system(),
                        TenantId.parse(body.get("tenantId").asText()),
                        NewUser.of("Robin Builder", "robin", PASSWORD))
                .id()
                .toString();
        ownerToken = Tokens.password(server, "admin@northwind.onmicrosoft.test", PASSWORD, Tokens.MANAGEMENT);
        robinToken = Tokens.password(server, "robin@northwind.onmicrosoft.test", PASSWORD, Tokens.MANAGEMENT);
        for (String group : new String[] {"rg-web", "rg-db"}) {
            assertThat(put(groupPath(group), "{\"location\":\"westeurope\"}", ownerToken)
                            .statusCode())
                    .isEqualTo(201);
        }
        assertThat(put(assignmentPath("rg-web", UUID.randomUUID()), roleBody(CONTRIBUTOR, robinId), ownerToken)
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    @DisplayName(
            "issue 10: a Contributor on one group writes it, but not another group, a new group or the subscription")
    void groupContributorIsEnforced() {
        assertThat(put(groupPath("rg-web"), "{\"location\":\"westeurope\",\"tags\":{\"a\":\"b\"}}", robinToken)
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> other = put(groupPath("rg-db"), "{\"location\":\"westeurope\"}", robinToken);
        HttpResponse<String> fresh = put(groupPath("rg-new"), "{\"location\":\"westeurope\"}", robinToken);
        HttpResponse<String> readOther = server.get(groupPath("rg-db") + API, robinToken);
        HttpResponse<String> listed =
                server.get("/subscriptions/" + subscriptionId + "/resourcegroups" + API, robinToken);
        HttpResponse<String> subscription = server.get("/subscriptions/" + subscriptionId + API, robinToken);

        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("AuthorizationFailed");
        assertThat(fresh.statusCode()).isEqualTo(403);
        assertThat(readOther.statusCode()).isEqualTo(403);
        assertThat(listed.body()).contains("rg-web").doesNotContain("rg-db");
        assertThat(subscription.statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("issue 10: PUT, GET, list and DELETE of a role assignment at resource-group scope")
    void assignmentAtGroupScopeRoundTrips() throws Exception {
        String sam = newUser("sam");
        UUID name = UUID.randomUUID();
        String path = assignmentPath("RG-DB", name);

        HttpResponse<String> created = put(path, roleBody(READER, sam), ownerToken);
        HttpResponse<String> read = server.get(path + AUTH_API, ownerToken);
        HttpResponse<String> atSubscription = server.get(
                "/subscriptions/" + subscriptionId + "/providers/Microsoft.Authorization/roleAssignments/" + name
                        + AUTH_API,
                ownerToken);
        HttpResponse<String> listed = server.get(listPath("rg-db") + AUTH_API, ownerToken);
        HttpResponse<String> deleted = delete(path + AUTH_API, ownerToken);
        HttpResponse<String> gone = server.get(path + AUTH_API, ownerToken);

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode properties = JSON.readTree(created.body()).get("properties");
        assertThat(properties.get("scope").asText())
                .isEqualTo("/subscriptions/" + subscriptionId + "/resourceGroups/rg-db");
        assertThat(properties.get("roleDefinitionId").asText())
                .isEqualTo("/subscriptions/" + subscriptionId + "/providers/Microsoft.Authorization/roleDefinitions/"
                        + READER);
        assertThat(JSON.readTree(created.body()).get("id").asText())
                .isEqualTo("/subscriptions/" + subscriptionId + "/resourceGroups/rg-db/providers/"
                        + "Microsoft.Authorization/roleAssignments/" + name);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(atSubscription.statusCode()).isEqualTo(404);
        assertThat(atSubscription.body()).contains("RoleAssignmentNotFound");
        assertThat(listed.body()).contains(sam);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(gone.statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("issue 10: a group that does not exist has no scope: ResourceGroupNotFound")
    void assignmentAtMissingGroupIsRefused() {
        HttpResponse<String> response =
                put(assignmentPath("rg-nowhere", UUID.randomUUID()), roleBody(READER, robinId), ownerToken);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("ResourceGroupNotFound");
    }

    @Test
    @DisplayName("issue 10: list filters — none lists below too, atScope() at or above, principalId and assignedTo")
    void listFilters() throws Exception {
        String subscriptionList = listPath(null) + AUTH_API;

        JsonNode all =
                JSON.readTree(server.get(subscriptionList, ownerToken).body()).get("value");
        JsonNode atScope = JSON.readTree(server.get(subscriptionList + "&$filter=" + encode("atScope()"), ownerToken)
                        .body())
                .get("value");
        JsonNode robins = JSON.readTree(server.get(
                                subscriptionList + "&$filter=" + encode("principalId eq '" + robinId + "'"), ownerToken)
                        .body())
                .get("value");
        JsonNode atWeb = JSON.readTree(server.get(
                                listPath("rg-web") + AUTH_API + "&$filter="
                                        + encode("atScope() and assignedTo('" + robinId + "')"),
                                robinToken)
                        .body())
                .get("value");

        assertThat(all.toString()).contains("/resourceGroups/rg-web");
        assertThat(atScope.toString()).doesNotContain("/resourceGroups/");
        assertThat(robins).isNotEmpty().allSatisfy(a -> assertThat(
                        a.at("/properties/principalId").asText())
                .isEqualTo(robinId));
        assertThat(atWeb).hasSize(1);
    }

    @Test
    @DisplayName("issue 10: an unsupported filter or query option is a 400 with ARM's error, never ignored")
    void unsupportedFiltersAreRefused() {
        HttpResponse<String> compound = server.get(
                listPath(null) + AUTH_API + "&$filter=" + encode("atScope() and principalId eq '" + robinId + "'"),
                ownerToken);
        HttpResponse<String> other =
                server.get(listPath(null) + AUTH_API + "&$filter=" + encode("roleDefinitionId eq 'x'"), ownerToken);
        HttpResponse<String> option = server.get(listPath(null) + AUTH_API + "&$top=5", ownerToken);

        assertThat(compound.statusCode()).isEqualTo(400);
        assertThat(compound.body()).contains("\"code\":\"UnsupportedQuery\"", "Supported filters are either");
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(option.statusCode()).isEqualTo(400);
        assertThat(option.body()).contains("$top");
    }

    @Test
    @DisplayName("issue 10: permissions — the caller's actions from the roles that apply at the scope")
    void permissionsFollowTheRoles() throws Exception {
        JsonNode atWeb = JSON.readTree(server.get(
                                "/subscriptions/" + subscriptionId
                                        + "/resourceGroups/rg-web/providers/Microsoft.Authorization/permissions"
                                        + AUTH_API,
                                robinToken)
                        .body())
                .get("value");
        JsonNode atSubscription = JSON.readTree(server.get(
                                "/subscriptions/" + subscriptionId + "/providers/Microsoft.Authorization/permissions"
                                        + AUTH_API,
                                robinToken)
                        .body())
                .get("value");
        JsonNode owner = JSON.readTree(server.get(
                                "/subscriptions/" + subscriptionId + "/providers/Microsoft.Authorization/permissions"
                                        + AUTH_API,
                                ownerToken)
                        .body())
                .get("value");

        assertThat(atWeb).hasSize(1);
        assertThat(atWeb.get(0).get("actions").toString()).isEqualTo("[\"*\"]");
        assertThat(atWeb.get(0).get("notActions").toString()).contains("Microsoft.Authorization/*/Write");
        assertThat(atWeb.get(0).has("dataActions")).isTrue();
        assertThat(atSubscription).isEmpty();
        assertThat(owner.get(0).get("notActions")).isEmpty();
    }

    @Test
    @DisplayName("issue 10: the activity log answers role assignment and resource group changes in ARM's EventData")
    void activityLogListsChanges() throws Exception {
        String window = "eventTimestamp ge '" + Instant.now().minusSeconds(3600) + "' and eventTimestamp le '"
                + Instant.now().plusSeconds(60) + "'";
        String path = "/subscriptions/" + subscriptionId
                + "/providers/Microsoft.Insights/eventtypes/management/values?api-version=2015-04-01&$filter=";

        HttpResponse<String> all = server.get(path + encode(window), ownerToken);
        HttpResponse<String> rbac =
                server.get(path + encode(window + " and resourceProvider eq 'Microsoft.Authorization'"), ownerToken);
        HttpResponse<String> robinsGroup =
                server.get(path + encode(window + " and resourceGroupName eq 'rg-web'"), robinToken);
        HttpResponse<String> noWindow = server.get(path + encode("resourceGroupName eq 'rg-web'"), ownerToken);
        HttpResponse<String> unknown = server.get(path + encode(window + " and caller eq 'x'"), ownerToken);
        HttpResponse<String> robinsSubscription = server.get(path + encode(window), robinToken);

        assertThat(all.statusCode()).isEqualTo(200);
        JsonNode events = JSON.readTree(all.body()).get("value");
        assertThat(events.toString())
                .contains(
                        "Microsoft.Resources/subscriptions/resourceGroups/write",
                        "Microsoft.Authorization/roleAssignments/write",
                        "admin@northwind.onmicrosoft.test");
        JsonNode first = JSON.readTree(rbac.body()).get("value").get(0);
        assertThat(first.at("/operationName/value").asText()).startsWith("Microsoft.Authorization/roleAssignments/");
        assertThat(first.at("/authorization/scope").asText()).startsWith("/subscriptions/" + subscriptionId);
        assertThat(first.at("/status/value").asText()).isEqualTo("Succeeded");
        assertThat(first.at("/category/value").asText()).isEqualTo("Administrative");
        assertThat(first.get("correlationId").asText()).isNotBlank();
        assertThat(first.get("eventTimestamp").asText()).endsWith("Z");
        assertThat(robinsGroup.statusCode()).isEqualTo(200);
        assertThat(robinsGroup.body()).contains("rg-web").doesNotContain("\"resourceGroupName\":\"rg-db\"");
        assertThat(noWindow.statusCode()).isEqualTo(400);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(robinsSubscription.statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("issue 10: deleting a resource group deletes the role assignments made at it")
    void deletingAGroupDeletesItsAssignments() throws Exception {
        String kim = newUser("kim");
        assertThat(put(groupPath("rg-temp"), "{\"location\":\"westeurope\"}", ownerToken)
                        .statusCode())
                .isEqualTo(201);
        assertThat(put(assignmentPath("rg-temp", UUID.randomUUID()), roleBody(READER, kim), ownerToken)
                        .statusCode())
                .isEqualTo(201);

        assertThat(delete(groupPath("rg-temp") + API, ownerToken).statusCode()).isEqualTo(200);

        HttpResponse<String> listed = server.get(
                listPath(null) + AUTH_API + "&$filter=" + encode("principalId eq '" + kim + "'"), ownerToken);
        assertThat(JSON.readTree(listed.body()).get("value")).isEmpty();
    }

    private static String newUser(String alias) {
        String tenant = server.app()
                .services()
                .subscriptions()
                .getCloudSubscription(Caller.system(), UUID.fromString(subscriptionId))
                .tenantId()
                .toString();
        return server.app()
                .services()
                .users()
                .createUser(Caller.system(), TenantId.parse(tenant), NewUser.of("User " + alias, alias, PASSWORD))
                .id()
                .toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String listPath(String group) {
        return "/subscriptions/" + subscriptionId + (group == null ? "" : "/resourceGroups/" + group)
                + "/providers/Microsoft.Authorization/roleAssignments";
    }

    private static String assignmentPath(String group, UUID name) {
        return listPath(group) + "/" + name;
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

    private static HttpResponse<String> delete(String pathAndQuery, String token) {
        return server.send(server.request(pathAndQuery)
                .header("Authorization", "Bearer " + token)
                .DELETE()
                .build());
    }
}
