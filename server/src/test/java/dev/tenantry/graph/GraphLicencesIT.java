package dev.tenantry.graph;

import static dev.tenantry.graph.GraphFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserPatch;
import dev.tenantry.shared.Caller;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.TestDirectory;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 9 (R13): Graph's assignLicense, licenseDetails, assignedLicenses and consumedUnits over HTTPS. */
class GraphLicencesIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final String PREMIUM = "f245ecc8-75af-4f8e-b61f-27d8114de5c3";
    private static final String E3 = "6fd2c87f-b296-42f0-b197-1e91e994b900";
    private static final String PLAN = "9aaf7827-d63c-4b61-89c3-182f06f82e5c";

    private static GraphFixture graph;
    private static CreatedDirectory contoso;
    private static String adminToken;

    @BeforeAll
    static void directory() {
        graph = new GraphFixture(server);
        contoso = graph.directory("licences");
        adminToken = graph.token(contoso.admin());
        server.app()
                .services()
                .subscriptions()
                .buySuiteSubscription(TestDirectory.callerOf(contoso.admin()), "O365_BUSINESS_PREMIUM", 1, false);
    }

    private static User located(String name, String alias) {
        User user = graph.user(contoso, name, alias);
        return server.app()
                .services()
                .users()
                .updateUser(
                        Caller.system(),
                        contoso.tenant().id(),
                        user.id().toString(),
                        new UserPatch(null, null, null, null, null, "GB", null, null));
    }

    private static HttpResponse<String> assign(String user, String body) {
        return graph.post("/v1.0/users/" + user + "/assignLicense", body, adminToken);
    }

    private static String add(String skuId) {
        return "{\"addLicenses\":[{\"skuId\":\"" + skuId + "\",\"disabledPlans\":[]}],\"removeLicenses\":[]}";
    }

    private static int consumedUnits() {
        JsonNode skus = json(graph.get("/v1.0/subscribedSkus", adminToken)).get("value");
        return skus.get(0).get("consumedUnits").asInt();
    }

    private static void assertGraphError(HttpResponse<String> response, String message) {
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("Request_BadRequest");
        assertThat(error.get("message").asText()).isEqualTo(message);
    }

    @Test
    @DisplayName("issue 9: $select on subscribedSkus and licenseDetails keeps id and the chosen properties; an unknown"
            + " property or another query option is a 400")
    void subscribedSkusAndLicenseDetailsTakeSelect() {
        JsonNode skus = json(graph.get("/v1.0/subscribedSkus?$select=skuPartNumber,ConsumedUnits", adminToken))
                .get("value");
        HttpResponse<String> details = graph.get(
                "/v1.0/users/" + contoso.admin().id() + "/licenseDetails?$select=skuId,skuPartNumber", adminToken);

        assertThat(skus).isNotEmpty().allSatisfy(sku -> assertThat(sku.properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("id", "skuPartNumber", "consumedUnits"));
        assertThat(details.statusCode()).as(details.body()).isEqualTo(200);
        for (String path : List.of(
                "/v1.0/subscribedSkus?$select=nope",
                "/v1.0/subscribedSkus?$top=1",
                "/v1.0/users/" + contoso.admin().id() + "/licenseDetails?$select=nope",
                "/v1.0/users/" + contoso.admin().id() + "/licenseDetails?$filter=skuId eq 'x'".replace(" ", "%20"))) {
            assertThat(graph.get(path, adminToken).statusCode()).as(path).isEqualTo(400);
        }
    }

    @Test
    @DisplayName(
            "issue 9: assignLicense by UPN answers the user; licenseDetails, assignedLicenses and consumedUnits show it")
    void assignsShowsAndRemovesALicence() {
        User adele = located("Adele Vance", "adele");

        HttpResponse<String> assigned = assign(
                adele.userPrincipalName(),
                "{\"addLicenses\":[{\"skuId\":\"" + PREMIUM + "\",\"disabledPlans\":[\"" + PLAN + "\"]}],"
                        + "\"removeLicenses\":[]}");

        assertThat(assigned.statusCode()).isEqualTo(200);
        assertThat(json(assigned).get("id").asText()).isEqualTo(adele.id().toString());
        JsonNode selected = json(graph.get("/v1.0/users/" + adele.id() + "?$select=id,assignedLicenses", adminToken));
        assertThat(selected.get("assignedLicenses").get(0).get("skuId").asText())
                .isEqualTo(PREMIUM);
        assertThat(selected.get("assignedLicenses")
                        .get(0)
                        .get("disabledPlans")
                        .get(0)
                        .asText())
                .isEqualTo(PLAN);
        JsonNode listed = json(graph.get("/v1.0/users?$select=id,assignedLicenses", adminToken))
                .get("value");
        assertThat(listed.findValues("skuId")).extracting(JsonNode::asText).containsExactly(PREMIUM);
        JsonNode details = json(graph.get("/v1.0/users/" + adele.id() + "/licenseDetails", adminToken))
                .get("value");
        assertThat(details.get(0).get("skuPartNumber").asText()).isEqualTo("O365_BUSINESS_PREMIUM");
        assertThat(details.get(0).get("servicePlans").findValuesAsText("provisioningStatus"))
                .contains("Disabled", "Success");
        assertThat(consumedUnits()).isEqualTo(1);

        // the only seat is taken: nobody else gets one, with Graph's message
        User alex = located("Alex Wilber", "alex");
        assertGraphError(
                assign(alex.id().toString(), add(PREMIUM)),
                "Subscription with SKU " + PREMIUM + " does not have any available licenses.");

        HttpResponse<String> removed =
                assign(adele.id().toString(), "{\"addLicenses\":[],\"removeLicenses\":[\"" + PREMIUM + "\"]}");
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(consumedUnits()).isZero();
    }

    @Test
    @DisplayName("issue 9: a user without usage location is refused with Graph's message")
    void userWithoutUsageLocationIsRefused() {
        User nowhere = graph.user(contoso, "No Where", "nowhere");

        assertGraphError(
                assign(nowhere.id().toString(), add(PREMIUM)),
                "License assignment cannot be done for user with invalid usage location.");
    }

    @Test
    @DisplayName("issue 9: a SKU the directory does not own is refused with Graph's message")
    void skuNotOwnedIsRefused() {
        User megan = located("Megan Bowen", "megan");

        assertGraphError(
                assign(megan.id().toString(), add(E3)),
                "License " + E3 + " does not correspond to a valid company License.");
    }

    @Test
    @DisplayName("issue 9: addLicenses and removeLicenses are both required")
    void bothListsAreRequired() {
        User lynne = located("Lynne Robbins", "lynne");

        HttpResponse<String> response =
                assign(lynne.id().toString(), "{\"addLicenses\":[{\"skuId\":\"" + PREMIUM + "\"}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("Request_BadRequest");
    }

    @Test
    @DisplayName("issue 9: a user who may not manage users cannot assign licences")
    void plainUserIsRefused() {
        User diego = located("Diego Siciliani", "diego");

        HttpResponse<String> response =
                graph.post("/v1.0/users/" + diego.id() + "/assignLicense", add(PREMIUM), graph.token(diego));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("Authorization_RequestDenied");
    }

    @Test
    @DisplayName(
            "issue 9: a group's assignLicense answers 202; members show it assigned by the group, errors are listed")
    void groupBasedLicensing() {
        CreatedDirectory fabrikam = graph.directory("grouplicences");
        String token = graph.token(fabrikam.admin());
        server.app()
                .services()
                .subscriptions()
                .buySuiteSubscription(TestDirectory.callerOf(fabrikam.admin()), "O365_BUSINESS_PREMIUM", 5, false);
        User located = server.app()
                .services()
                .users()
                .updateUser(
                        Caller.system(),
                        fabrikam.tenant().id(),
                        graph.user(fabrikam, "Lidia Holloway", "lidia").id().toString(),
                        new UserPatch(null, null, null, null, null, "NL", null, null));
        User nowhere = graph.user(fabrikam, "Nestor Wilke", "nestor");
        HttpResponse<String> created = graph.post(
                "/v1.0/groups",
                "{\"displayName\":\"Licensed\",\"mailEnabled\":false,\"mailNickname\":\"licensed\","
                        + "\"securityEnabled\":true,\"members@odata.bind\":["
                        + "\"https://graph.microsoft.com/v1.0/directoryObjects/" + located.id() + "\","
                        + "\"https://graph.microsoft.com/v1.0/users/" + nowhere.id() + "\"]}",
                token);
        String group = json(created).get("id").asText();

        HttpResponse<String> assigned = graph.post("/v1.0/groups/" + group + "/assignLicense", add(PREMIUM), token);

        assertThat(assigned.statusCode()).isEqualTo(202);
        assertThat(json(assigned).at("/assignedLicenses/0/skuId").asText()).isEqualTo(PREMIUM);
        JsonNode states = json(
                graph.get("/v1.0/users/" + located.id() + "?$select=assignedLicenses,licenseAssignmentStates", token));
        assertThat(states.at("/assignedLicenses/0/skuId").asText()).isEqualTo(PREMIUM);
        assertThat(states.at("/licenseAssignmentStates/0/assignedByGroup").asText())
                .isEqualTo(group);
        assertThat(states.at("/licenseAssignmentStates/0/state").asText()).isEqualTo("Active");
        JsonNode plans = json(graph.get("/v1.0/users/" + located.id() + "?$select=assignedPlans", token))
                .get("assignedPlans");
        assertThat(plans).isNotEmpty();
        assertThat(plans.findValuesAsText("capabilityStatus")).containsOnly("Enabled");
        assertThat(plans.findValuesAsText("servicePlanId")).doesNotHaveDuplicates();
        assertThat(plans.get(0).get("service").asText()).isNotBlank();
        JsonNode errors = json(graph.get("/v1.0/groups/" + group + "/membersWithLicenseErrors", token));
        assertThat(errors.get("value").findValuesAsText("id"))
                .containsExactly(nowhere.id().toString());
        JsonNode nestor = json(graph.get("/v1.0/users/" + nowhere.id() + "?$select=licenseAssignmentStates", token));
        assertThat(nestor.at("/licenseAssignmentStates/0/error").asText())
                .isEqualTo("ProhibitedInUsageLocationViolation");
        assertThat(json(graph.get("/v1.0/groups/" + group + "?$select=id,assignedLicenses", token))
                        .at("/assignedLicenses/0/skuId")
                        .asText())
                .isEqualTo(PREMIUM);
        JsonNode skus = json(graph.get("/v1.0/subscribedSkus", token)).get("value");
        assertThat(skus.get(0).get("consumedUnits").asInt()).isEqualTo(1);

        // the member leaves the group: the licence goes with it
        graph.delete("/v1.0/groups/" + group + "/members/" + located.id() + "/$ref", token);
        assertThat(json(graph.get("/v1.0/users/" + located.id() + "?$select=assignedLicenses", token))
                        .get("assignedLicenses"))
                .isEmpty();
    }
}
