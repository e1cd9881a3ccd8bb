package dev.tenantry.graph;

import static dev.tenantry.graph.GraphFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.User;
import dev.tenantry.shared.Caller;
import dev.tenantry.testing.RunningServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GraphDirectoryIT {

    private static final String GLOBAL_ADMIN =
            DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR.templateId().toString();
    private static final String USER_ADMIN =
            DirectoryRoleTemplate.USER_ADMINISTRATOR.templateId().toString();

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static GraphFixture graph;
    private static CreatedDirectory contoso;
    private static User alice;
    private static String adminToken;
    private static String aliceToken;

    @BeforeAll
    static void directory() {
        graph = new GraphFixture(server);
        contoso = graph.directory("contoso");
        alice = graph.user(contoso, "Alice Adams", "alice");
        adminToken = graph.token(contoso.admin());
        aliceToken = graph.token(alice);
    }

    @Test
    void organizationIsTheCallersDirectory() {
        JsonNode org =
                json(graph.get("/v1.0/organization", aliceToken)).get("value").get(0);

        assertThat(org.get("id").asText()).isEqualTo(contoso.tenant().id().toString());
        assertThat(org.get("displayName").asText()).isEqualTo("contoso Ltd");
        assertThat(org.get("tenantType").asText()).isEqualTo("AAD");
        assertThat(org.get("countryLetterCode").asText()).isEqualTo("US");
        assertThat(org.at("/verifiedDomains/0/name").asText())
                .isEqualTo(contoso.tenant().initialDomain());
        assertThat(org.at("/verifiedDomains/0/isInitial").asBoolean()).isTrue();
        assertThat(org.get("assignedPlans").isArray()).isTrue();
    }

    @Test
    void domainsListTheInitialDomain() {
        JsonNode domain =
                json(graph.get("/v1.0/domains", aliceToken)).get("value").get(0);

        assertThat(domain.get("id").asText()).isEqualTo(contoso.tenant().initialDomain());
        assertThat(domain.get("isVerified").asBoolean()).isTrue();
        assertThat(domain.get("authenticationType").asText()).isEqualTo("Managed");
    }

    @Test
    void listsActivatedRolesAndTheirTypedMembers() {
        JsonNode roles = json(graph.get("/v1.0/directoryRoles", aliceToken)).get("value");
        String roleId = roles.get(0).get("id").asText();
        JsonNode members = json(graph.get("/v1.0/directoryRoles/" + roleId + "/members", aliceToken))
                .get("value");
        JsonNode byTemplate =
                json(graph.get("/v1.0/directoryRoles(roleTemplateId='" + GLOBAL_ADMIN + "')", aliceToken));

        assertThat(roles.findValuesAsText("roleTemplateId")).contains(GLOBAL_ADMIN);
        assertThat(roles.get(0).has("deletedDateTime")).isTrue();
        assertThat(members.get(0).get("@odata.type").asText()).isEqualTo("#microsoft.graph.user");
        assertThat(members.findValuesAsText("id")).contains(contoso.admin().id().toString());
        assertThat(byTemplate.get("roleTemplateId").asText()).isEqualTo(GLOBAL_ADMIN);
    }

    @Test
    void templatesListEveryBuiltInRole() {
        JsonNode templates =
                json(graph.get("/v1.0/directoryRoleTemplates", aliceToken)).get("value");

        assertThat(templates).hasSize(DirectoryRoleTemplate.values().length);
    }

    @Test
    void globalAdministratorActivatesARoleAndAddsAndRemovesAMember() {
        HttpResponse<String> activated =
                graph.post("/v1.0/directoryRoles", "{\"roleTemplateId\":\"" + USER_ADMIN + "\"}", adminToken);
        String roleId = json(activated).get("id").asText();
        String ref = "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + alice.id() + "\"}";

        HttpResponse<String> added = graph.post("/v1.0/directoryRoles/" + roleId + "/members/$ref", ref, adminToken);
        JsonNode aliceRoles = json(graph.get("/v1.0/users/" + alice.id() + "/memberOf", adminToken));
        HttpResponse<String> removed =
                graph.delete("/v1.0/directoryRoles/" + roleId + "/members/" + alice.id() + "/$ref", adminToken);

        assertThat(activated.statusCode()).isEqualTo(201);
        assertThat(added.statusCode()).isEqualTo(204);
        assertThat(aliceRoles.get("value").findValuesAsText("roleTemplateId")).containsExactly(USER_ADMIN);
        assertThat(removed.statusCode()).isEqualTo(204);
    }

    @Test
    void nonGlobalAdministratorCannotAddRoleMembers() {
        String roleId = json(graph.get("/v1.0/directoryRoles", aliceToken))
                .get("value")
                .get(0)
                .get("id")
                .asText();
        String ref = "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + alice.id() + "\"}";

        HttpResponse<String> response = graph.post("/v1.0/directoryRoles/" + roleId + "/members/$ref", ref, aliceToken);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("Authorization_RequestDenied");
    }

    @Test
    void subscribedSkusAddUpTheSeatsOfEverySubscriptionOfASku() {
        Caller admin = new Caller.User(contoso.tenant().id(), contoso.admin().id());
        var subscriptions = server.app().services().subscriptions();
        var first = subscriptions.buySuiteSubscription(admin, "ENTERPRISEPACK", 10, false);
        var second = subscriptions.buySuiteSubscription(admin, "ENTERPRISEPACK", 5, false);

        JsonNode skus = json(graph.get("/v1.0/subscribedSkus", aliceToken)).get("value");

        assertThat(skus).hasSize(1);
        JsonNode sku = skus.get(0);
        assertThat(sku.get("id").asText()).isEqualTo(contoso.tenant().id() + "_" + first.skuId());
        assertThat(sku.get("skuPartNumber").asText()).isEqualTo("ENTERPRISEPACK");
        assertThat(sku.at("/prepaidUnits/enabled").asInt()).isEqualTo(15);
        assertThat(sku.get("consumedUnits").asInt()).isZero();
        assertThat(sku.get("subscriptionIds").toString())
                .contains(first.id().toString())
                .contains(second.id().toString());
        assertThat(sku.get("servicePlans").get(0).get("servicePlanName").asText())
                .isNotBlank();
    }
}
