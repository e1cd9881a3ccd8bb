package dev.tenantry.stories;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.Tokens;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The two stories of the product brief, end to end over HTTPS, through the native API, Graph and ARM. */
class StoriesIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Tenantry!2026";

    @Test
    void suiteFirstThenCloudLandsInTheSameDirectory() throws Exception {
        JsonNode signUp =
                json(server.postJson("/api/signups", signUpBody("contoso", "Kelley Wall", "O365_BUSINESS_ESSENTIALS")));
        String tenantId = signUp.get("tenantId").asText();
        String kelley = "admin@contoso.onmicrosoft.test";
        String graph = Tokens.password(server, kelley, PASSWORD, Tokens.GRAPH);
        createUser(graph, "Jane Doe", "jane@contoso.onmicrosoft.test");
        createUser(graph, "Tricia Lee", "tricia@contoso.onmicrosoft.test");
        String management = Tokens.password(server, kelley, PASSWORD, Tokens.MANAGEMENT);

        HttpResponse<String> cloud =
                server.postJson("/api/subscriptions/cloud", "{\"offerId\":\"MS-AZR-0044P\"}", management);
        JsonNode users = json(server.get("/v1.0/users?$select=displayName,userPrincipalName", graph));
        JsonNode subscriptions = json(server.get("/subscriptions?api-version=2022-12-01", management));

        assertThat(cloud.statusCode()).isEqualTo(201);
        JsonNode subscription = JSON.readTree(cloud.body());
        assertThat(subscription.get("tenantId").asText()).isEqualTo(tenantId);
        assertThat(subscription.get("accountAdministrator").asText())
                .isEqualTo(signUp.at("/admin/id").asText());
        assertThat(names(users.get("value"), "displayName"))
                .containsExactlyInAnyOrder("Kelley Wall", "Jane Doe", "Tricia Lee");
        assertThat(subscriptions.get("value")).hasSize(1);
        assertThat(subscriptions.get("value").get(0).get("tenantId").asText()).isEqualTo(tenantId);
        assertThat(subscriptions.get("value").get(0).get("subscriptionId").asText())
                .isEqualTo(subscription.get("subscriptionId").asText());
    }

    @Test
    void r7MemberWithNoRoleSignsUpForCloudInTheirDirectory() throws Exception {
        json(server.postJson("/api/signups", signUpBody("northwind", "Nora Admin", "O365_BUSINESS_PREMIUM")));
        String graph = Tokens.password(server, "admin@northwind.onmicrosoft.test", PASSWORD, Tokens.GRAPH);
        createUser(graph, "Mo Member", "mo@northwind.onmicrosoft.test");
        String member = Tokens.password(server, "mo@northwind.onmicrosoft.test", PASSWORD, Tokens.MANAGEMENT);

        HttpResponse<String> cloud =
                server.postJson("/api/subscriptions/cloud", "{\"offerId\":\"MS-AZR-0003P\"}", member);

        assertThat(cloud.statusCode()).isEqualTo(201);
        assertThat(server.get("/subscriptions?api-version=2022-12-01", member).body())
                .contains(JSON.readTree(cloud.body()).get("subscriptionId").asText());
    }

    @Test
    void cloudFirstThenSuiteLandsInTheSameDirectoryOwnedByIt() throws Exception {
        JsonNode signUp = json(server.postJson("/api/signups", signUpBody("adatum", "Ada Tum", "MS-AZR-0044P")));
        String tenantId = signUp.get("tenantId").asText();
        String management = Tokens.password(server, "admin@adatum.onmicrosoft.test", PASSWORD, Tokens.MANAGEMENT);

        HttpResponse<String> suite = server.postJson(
                "/api/subscriptions/suite",
                "{\"skuPartNumber\":\"ENTERPRISEPACK\",\"seats\":25,\"trial\":true}",
                management);
        String graph = Tokens.password(server, "admin@adatum.onmicrosoft.test", PASSWORD, Tokens.GRAPH);
        JsonNode skus = json(server.get("/v1.0/subscribedSkus", graph));

        assertThat(suite.statusCode()).isEqualTo(201);
        JsonNode subscription = JSON.readTree(suite.body());
        assertThat(subscription.get("tenantId").asText()).isEqualTo(tenantId);
        assertThat(subscription.get("family").asText()).isEqualTo("suite");
        assertThat(subscription.has("accountAdministrator")).isFalse();
        assertThat(skus.get("value").get(0).get("skuPartNumber").asText()).isEqualTo("ENTERPRISEPACK");
        assertThat(skus.get("value").get(0).at("/prepaidUnits/enabled").asInt()).isEqualTo(25);
    }

    @Test
    void r6UserWithoutBillingRoleIsRefusedAndNothingIsCreated() throws Exception {
        json(server.postJson("/api/signups", signUpBody("litware", "Lee Admin", "MS-AZR-0044P")));
        String adminGraph = Tokens.password(server, "admin@litware.onmicrosoft.test", PASSWORD, Tokens.GRAPH);
        createUser(adminGraph, "Sam Staff", "sam@litware.onmicrosoft.test");
        String sam = Tokens.password(server, "sam@litware.onmicrosoft.test", PASSWORD, Tokens.MANAGEMENT);

        HttpResponse<String> refused =
                server.postJson("/api/subscriptions/suite", "{\"skuPartNumber\":\"ENTERPRISEPACK\",\"seats\":25}", sam);
        JsonNode skus = json(server.get("/v1.0/subscribedSkus", adminGraph));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body())
                .contains("\"code\":\"role_required\"", "Global Administrator", "Billing Administrator");
        assertThat(skus.get("value")).isEmpty();
    }

    private static String signUpBody(String prefix, String adminName, String product) {
        return """
                {"organization":"%s","domainPrefix":"%s","countryCode":"US",
                 "admin":{"displayName":"%s","userName":"admin","password":"%s"},"product":"%s"}
                """.formatted(prefix, prefix, adminName, PASSWORD, product);
    }

    private static void createUser(String graphToken, String displayName, String upn) {
        HttpResponse<String> created = server.postJson(
                "/v1.0/users",
                """
                {"accountEnabled":true,"displayName":"%s","mailNickname":"%s","userPrincipalName":"%s",
                 "passwordProfile":{"forceChangePasswordNextSignIn":false,"password":"%s"}}
                """.formatted(displayName, upn.substring(0, upn.indexOf('@')), upn, PASSWORD),
                graphToken);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(item -> names.add(item.get(field).asText()));
        return names;
    }
}
