package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.directory.NewUser;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.Tokens;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 10 (R4): classic administrators over ARM and the native API, and billing ownership transfers. */
class SubscriptionAdministratorsIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Tenantry!2026";
    private static final String CLASSIC =
            "/providers/Microsoft.Authorization/classicAdministrators?api-version=2015-07-01";

    static String ownerToken;
    static String janeToken;
    static String alexToken;
    static String robinToken;
    static String ownerId;
    static String janeId;
    static String alexId;
    static String strangerId;

    @BeforeAll
    static void signUp() throws Exception {
        JsonNode woodgrove = signUpAdmin("Woodgrove", "woodgrove");
        ownerId = woodgrove.at("/admin/id").asText();
        strangerId = signUpAdmin("Litware", "litware").at("/admin/id").asText();
        TenantId tenant = TenantId.parse(woodgrove.get("tenantId").asText());
        janeId = addUser(tenant, "jane");
        alexId = addUser(tenant, "alex");
        addUser(tenant, "robin");
        ownerToken = token("admin");
        janeToken = token("jane");
        alexToken = token("alex");
        robinToken = token("robin");
    }

    private static JsonNode signUpAdmin(String organization, String prefix) throws Exception {
        HttpResponse<String> signUp = server.postJson("/api/signups", """
                {"organization":"%s","domainPrefix":"%s","countryCode":"US",
                 "admin":{"displayName":"Admin","userName":"admin","password":"%s"},"product":"MS-AZR-0003P"}
                """.formatted(organization, prefix, PASSWORD));
        assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(201);
        return JSON.readTree(signUp.body());
    }

    private static String addUser(TenantId tenant, String alias) {
        return server.app()
                .services()
                .users()
                .createUser(Caller.system(), tenant, NewUser.of("User " + alias, alias, PASSWORD))
                .id()
                .toString();
    }

    private static String token(String alias) {
        return Tokens.password(server, alias + "@woodgrove.onmicrosoft.test", PASSWORD, Tokens.MANAGEMENT);
    }

    /** A new cloud subscription of the Woodgrove admin, so each test starts from the default administrators. */
    private static String newSubscription() throws Exception {
        HttpResponse<String> created =
                server.postJson("/api/subscriptions/cloud", "{\"offerId\":\"MS-AZR-0003P\"}", ownerToken);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("subscriptionId").asText();
    }

    private static Map<String, String> classicRoles(String subscriptionId, String token) throws Exception {
        HttpResponse<String> response = server.get("/subscriptions/" + subscriptionId + CLASSIC, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, String> roles = new HashMap<>();
        for (JsonNode row : JSON.readTree(response.body()).get("value")) {
            assertThat(row.get("id").asText())
                    .isEqualTo("/subscriptions/" + subscriptionId
                            + "/providers/Microsoft.Authorization/classicAdministrators/"
                            + row.get("name").asText());
            assertThat(row.get("type").asText()).isEqualTo("Microsoft.Authorization/classicAdministrators");
            roles.put(row.get("name").asText(), row.at("/properties/role").asText());
        }
        return roles;
    }

    private static HttpResponse<String> post(String path, String json, String token) {
        return server.postJson(path, json, token);
    }

    private static HttpResponse<String> delete(String path, String token) {
        return server.send(server.request(path)
                .header("Authorization", "Bearer " + token)
                .DELETE()
                .build());
    }

    private static String code(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).path("code").asText();
    }

    @Test
    @DisplayName("issue 10 (R4): ARM lists the account, service and co-administrators as rows, with the user's mail")
    void r4ArmListsEveryClassicAdministrator() throws Exception {
        String subscription = newSubscription();
        String api = "/api/subscriptions/cloud/" + subscription;

        HttpResponse<String> service =
                post(api + "/serviceAdministrator", "{\"userId\":\"" + janeId + "\"}", ownerToken);
        HttpResponse<String> co = post(api + "/coAdministrators", "{\"userId\":\"" + alexId + "\"}", janeToken);
        HttpResponse<String> again = post(api + "/coAdministrators", "{\"userId\":\"" + alexId + "\"}", ownerToken);
        HttpResponse<String> arm = server.get("/subscriptions/" + subscription + CLASSIC, alexToken);

        assertThat(service.statusCode()).as(service.body()).isEqualTo(200);
        assertThat(co.statusCode()).as(co.body()).isEqualTo(201);
        assertThat(co.headers().firstValue("Location")).contains(api + "/coAdministrators/" + alexId);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(classicRoles(subscription, ownerToken))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        ownerId, "AccountAdministrator",
                        janeId, "ServiceAdministrator",
                        alexId, "CoAdministrator"));
        assertThat(JSON.readTree(arm.body()).findValuesAsText("emailAddress"))
                .contains("alex@woodgrove.onmicrosoft.test", "jane@woodgrove.onmicrosoft.test");
    }

    @Test
    @DisplayName("issue 10 (R4): a co-administrator holds Owner, and removing the role removes it")
    void r4CoAdministratorHoldsOwnerUntilRemoved() throws Exception {
        String subscription = newSubscription();
        String api = "/api/subscriptions/cloud/" + subscription;
        String armSubscription = "/subscriptions/" + subscription + "?api-version=2022-12-01";
        post(api + "/coAdministrators", "{\"userId\":\"" + alexId + "\"}", ownerToken);

        HttpResponse<String> asCoAdministrator = server.get(armSubscription, alexToken);
        HttpResponse<String> removed = delete(api + "/coAdministrators/" + alexId, ownerToken);
        HttpResponse<String> afterwards = server.get(armSubscription, alexToken);

        assertThat(asCoAdministrator.statusCode()).isEqualTo(200);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
        assertThat(afterwards.statusCode()).isEqualTo(404);
        assertThat(classicRoles(subscription, ownerToken)).containsOnlyKeys(ownerId);
    }

    @Test
    @DisplayName("issue 10 (R4, R14): refusals are problems with a code and a status")
    void r4RefusalsAreProblems() throws Exception {
        String subscription = newSubscription();
        String api = "/api/subscriptions/cloud/" + subscription;
        post(api + "/coAdministrators", "{\"userId\":\"" + alexId + "\"}", ownerToken);

        HttpResponse<String> byCoAdministrator =
                post(api + "/coAdministrators", "{\"userId\":\"" + janeId + "\"}", alexToken);
        HttpResponse<String> byStranger =
                post(api + "/coAdministrators", "{\"userId\":\"" + janeId + "\"}", robinToken);
        HttpResponse<String> otherDirectory =
                post(api + "/coAdministrators", "{\"userId\":\"" + strangerId + "\"}", ownerToken);
        HttpResponse<String> missing = post(api + "/coAdministrators", "{}", ownerToken);
        HttpResponse<String> accountAdministrator = delete(api + "/coAdministrators/" + ownerId, ownerToken);
        HttpResponse<String> notCo = delete(api + "/coAdministrators/" + UUID.randomUUID(), ownerToken);
        HttpResponse<String> serviceBySomeoneElse =
                post(api + "/serviceAdministrator", "{\"userId\":\"" + alexId + "\"}", alexToken);

        assertThat(byCoAdministrator.statusCode()).isEqualTo(403);
        assertThat(code(byCoAdministrator)).isEqualTo("not_subscription_administrator");
        assertThat(byStranger.statusCode()).isEqualTo(404);
        assertThat(otherDirectory.statusCode()).isEqualTo(422);
        assertThat(code(otherDirectory)).isEqualTo("not_a_directory_user");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(accountAdministrator.statusCode()).isEqualTo(422);
        assertThat(code(accountAdministrator)).isEqualTo("account_administrator_role_fixed");
        assertThat(notCo.statusCode()).isEqualTo(404);
        assertThat(code(serviceBySomeoneElse)).isEqualTo("not_account_administrator");
    }

    @Test
    @DisplayName("issue 10 (R4): billing ownership goes to the named recipient when it accepts, once")
    void r4BillingOwnershipTransfer() throws Exception {
        String subscription = newSubscription();
        String api = "/api/subscriptions/cloud/" + subscription;

        HttpResponse<String> started =
                post(api + "/billingOwnershipTransfers", "{\"recipientUserId\":\"" + janeId + "\"}", ownerToken);
        String transferId = JSON.readTree(started.body()).get("id").asText();
        HttpResponse<String> pending = server.get("/api/billingOwnershipTransfers", janeToken);
        HttpResponse<String> byOther = post("/api/billingOwnershipTransfers/" + transferId + "/accept", "", robinToken);
        HttpResponse<String> accepted = post("/api/billingOwnershipTransfers/" + transferId + "/accept", "", janeToken);
        HttpResponse<String> twice = post("/api/billingOwnershipTransfers/" + transferId + "/accept", "", janeToken);

        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        assertThat(JSON.readTree(started.body()).get("acceptUrl").asText())
                .isEqualTo("/portal/transfers/" + transferId);
        assertThat(JSON.readTree(pending.body()).findValuesAsText("id")).contains(transferId);
        assertThat(byOther.statusCode()).isEqualTo(404);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(JSON.readTree(accepted.body()).get("accountAdministrator").asText())
                .isEqualTo(janeId);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(classicRoles(subscription, janeToken))
                .containsExactlyEntriesOf(Map.of(janeId, "ServiceAdministrator;AccountAdministrator"));
        assertThat(server.get("/subscriptions/" + subscription + "?api-version=2022-12-01", ownerToken)
                        .statusCode())
                .as("the previous account administrator keeps its Owner role")
                .isEqualTo(200);
    }

    @Test
    @DisplayName("issue 10 (R4): the sender cancels a transfer; only one is pending at a time")
    void r4TransferIsCancelled() throws Exception {
        String subscription = newSubscription();
        String api = "/api/subscriptions/cloud/" + subscription;
        String body = "{\"recipientUserId\":\"" + janeId + "\"}";
        HttpResponse<String> started = post(api + "/billingOwnershipTransfers", body, ownerToken);
        String transferId = JSON.readTree(started.body()).get("id").asText();

        HttpResponse<String> second = post(api + "/billingOwnershipTransfers", body, ownerToken);
        HttpResponse<String> cancelled =
                post("/api/billingOwnershipTransfers/" + transferId + "/cancel", "", ownerToken);
        HttpResponse<String> listed = server.get(api + "/billingOwnershipTransfers", ownerToken);

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(code(second)).isEqualTo("transfer_pending");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(JSON.readTree(listed.body()).at("/value/0/status").asText()).isEqualTo("Cancelled");
    }
}
