package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.directory.NewUser;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 10 over the real server: ARM's Microsoft.Subscription cancel, enable and rename, a disabled subscription's
 * ReadOnlyDisabledSubscription, and R11's {@code POST /api/subscriptions/cloud/{id}/changeDirectory} with its
 * refusals (the server answers for members only until guests land, so every target is refused).
 */
class CloudLifecycleIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Tenantry!2026";
    private static final String API = "?api-version=2021-10-01";

    static String tenantId;
    static String otherTenantId;
    static String adminToken;
    static String readerToken;
    static String readerId;
    static String strangerToken;

    @BeforeAll
    static void signUp() throws Exception {
        tenantId = signUp("Northwind", "northwind");
        otherTenantId = signUp("Tailspin", "tailspin");
        readerId = server.app()
                .services()
                .users()
                .createUser(Caller.system(), TenantId.parse(tenantId), NewUser.of("Robin Reader", "robin", PASSWORD))
                .id()
                .toString();
        adminToken = Tokens.password(server, "admin@northwind.onmicrosoft.test", PASSWORD, Tokens.MANAGEMENT);
        readerToken = Tokens.password(server, "robin@northwind.onmicrosoft.test", PASSWORD, Tokens.MANAGEMENT);
        strangerToken = Tokens.password(server, "admin@tailspin.onmicrosoft.test", PASSWORD, Tokens.MANAGEMENT);
    }

    private static String signUp(String organization, String prefix) throws IOException {
        HttpResponse<String> signUp = server.postJson("/api/signups", """
                {"organization":"%s","domainPrefix":"%s","countryCode":"NL",
                 "admin":{"displayName":"Pat Owner","userName":"admin","password":"%s"},"product":"MS-AZR-0003P"}
                """.formatted(organization, prefix, PASSWORD));
        return JSON.readTree(signUp.body()).get("tenantId").asText();
    }

    /** A new pay-as-you-go subscription of the Northwind administrator, with Robin as Reader. */
    private static String newSubscription() {
        String id = json(server.postJson("/api/subscriptions/cloud", "{\"offerId\":\"MS-AZR-0003P\"}", adminToken))
                .get("subscriptionId")
                .asText();
        HttpResponse<String> reader = put(
                "/subscriptions/" + id + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID()
                        + "?api-version=2022-04-01",
                """
                {"properties":{"roleDefinitionId":"/subscriptions/%s/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7","principalId":"%s"}}
                """.formatted(id, readerId),
                adminToken);
        assertThat(reader.statusCode()).isEqualTo(201);
        return id;
    }

    private static HttpResponse<String> put(String path, String body, String token) {
        return server.send(server.request(path)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static HttpResponse<String> operation(String subscriptionId, String operation, String body, String token) {
        return server.postJson(
                "/subscriptions/" + subscriptionId + "/providers/Microsoft.Subscription/" + operation + API,
                body,
                token);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String state(String subscriptionId) {
        return json(server.get("/subscriptions/" + subscriptionId + API, adminToken))
                .get("state")
                .asText();
    }

    private static void assertArmError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).at("/error/code").asText()).isEqualTo(code);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("code").asText()).isEqualTo(code);
    }

    @Test
    @DisplayName(
            "issue 10: cancel answers {subscriptionId}, the subscription is Disabled, writes get ReadOnlyDisabledSubscription")
    void cancelDisablesAndRefusesWrites() {
        String id = newSubscription();
        String group = "/subscriptions/" + id + "/resourcegroups/rg-web?api-version=2022-12-01";
        assertThat(put(group, "{\"location\":\"westeurope\"}", adminToken).statusCode())
                .isEqualTo(201);

        HttpResponse<String> cancelled = operation(id, "cancel", "", adminToken);

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(json(cancelled).get("subscriptionId").asText()).isEqualTo(id);
        assertThat(state(id)).isEqualTo("Disabled");
        HttpResponse<String> write = put(group, "{\"location\":\"westeurope\",\"tags\":{\"a\":\"b\"}}", adminToken);
        assertArmError(write, 409, "ReadOnlyDisabledSubscription");
        assertThat(json(write).at("/error/message").asText()).contains("is disabled and therefore marked as read only");
        assertThat(server.get(group, adminToken).statusCode()).isEqualTo(200);
        assertThat(server.get(group, readerToken).statusCode()).isEqualTo(200);
        assertArmError(operation(id, "cancel", "", adminToken), 409, "ReadOnlyDisabledSubscription");
    }

    @Test
    @DisplayName("issue 10: enable reactivates a cancelled subscription, and writes work again")
    void enableReactivates() {
        String id = newSubscription();
        operation(id, "cancel", "", adminToken);

        HttpResponse<String> enabled = operation(id, "enable", "", adminToken);

        assertThat(enabled.statusCode()).isEqualTo(200);
        assertThat(json(enabled).get("subscriptionId").asText()).isEqualTo(id);
        assertThat(state(id)).isEqualTo("Enabled");
        assertThat(put(
                                "/subscriptions/" + id + "/resourcegroups/rg-2?api-version=2022-12-01",
                                "{\"location\":\"westeurope\"}",
                                adminToken)
                        .statusCode())
                .isEqualTo(201);
        assertArmError(operation(id, "enable", "", adminToken), 409, "Conflict");
    }

    @Test
    @DisplayName("issue 10: rename changes displayName; a blank name is a 400")
    void renameChangesTheName() {
        String id = newSubscription();

        HttpResponse<String> renamed = operation(id, "rename", "{\"subscriptionName\":\"Production\"}", adminToken);

        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(json(renamed).get("subscriptionId").asText()).isEqualTo(id);
        assertThat(json(server.get("/subscriptions/" + id + API, adminToken))
                        .get("displayName")
                        .asText())
                .isEqualTo("Production");
        assertArmError(operation(id, "rename", "{\"subscriptionName\":\"\"}", adminToken), 400, "BadRequest");
        assertArmError(operation(id, "rename", "{not json", adminToken), 400, "InvalidRequestContent");
    }

    @Test
    @DisplayName(
            "issue 10, R14: a Reader may not cancel; another directory's user is told it does not exist; api-version is required")
    void refusals() {
        String id = newSubscription();

        assertArmError(operation(id, "cancel", "", readerToken), 403, "AuthorizationFailed");
        assertArmError(
                operation(id, "rename", "{\"subscriptionName\":\"x\"}", readerToken), 403, "AuthorizationFailed");
        assertArmError(operation(id, "cancel", "", strangerToken), 404, "SubscriptionNotFound");
        assertArmError(
                server.postJson("/subscriptions/" + id + "/providers/Microsoft.Subscription/cancel", "", adminToken),
                400,
                "MissingApiVersionParameter");
        assertArmError(
                server.postJson(
                        "/subscriptions/" + id + "/providers/Microsoft.Subscription/enable" + API + "&x=1",
                        "",
                        adminToken),
                400,
                "InvalidQueryParameter");
        assertArmError(
                server.postJson(
                        "/subscriptions/" + id + "/providers/Microsoft.Subscription/cancel" + API
                                + "&IgnoreResourceCheck=maybe",
                        "",
                        adminToken),
                400,
                "InvalidQueryParameter");
        assertThat(state(id)).isEqualTo("Enabled");
        assertThat(server.postJson(
                                "/subscriptions/" + id + "/providers/Microsoft.Subscription/cancel" + API
                                        + "&IgnoreResourceCheck=true",
                                "",
                                adminToken)
                        .statusCode())
                .isEqualTo(200);
    }

    private static HttpResponse<String> changeDirectory(String id, String body, String token) {
        return server.postJson("/api/subscriptions/cloud/" + id + "/changeDirectory", body, token);
    }

    @Test
    @DisplayName("R11: a target where the account administrator is not a user, and an unknown one, get the same 422")
    void r11TargetWhereTheCallerIsNotAUserIsRefused() {
        String id = newSubscription();

        HttpResponse<String> other = changeDirectory(id, "{\"targetTenantId\":\"" + otherTenantId + "\"}", adminToken);
        HttpResponse<String> unknown =
                changeDirectory(id, "{\"targetTenantId\":\"" + UUID.randomUUID() + "\"}", adminToken);

        assertProblem(other, 422, "not_a_user_of_target_directory");
        assertProblem(unknown, 422, "not_a_user_of_target_directory");
        assertThat(json(other).get("detail").asText()).contains("invite you as a guest");
        assertThat(json(server.get("/subscriptions/" + id + API, adminToken))
                        .get("tenantId")
                        .asText())
                .isEqualTo(tenantId);
    }

    @Test
    @DisplayName("R11: the same directory is a 422, a Reader a 403, a stranger a 404, a disabled subscription a 409")
    void r11Refusals() {
        String id = newSubscription();
        String toOther = "{\"targetTenantId\":\"" + otherTenantId + "\"}";

        assertProblem(
                changeDirectory(id, "{\"targetTenantId\":\"" + tenantId + "\"}", adminToken), 422, "same_directory");
        assertProblem(changeDirectory(id, toOther, readerToken), 403, "account_administrator_required");
        assertProblem(changeDirectory(id, toOther, strangerToken), 404, "subscription_not_found");
        operation(id, "cancel", "", adminToken);
        assertProblem(changeDirectory(id, toOther, adminToken), 409, "subscription_disabled");
    }

    @Test
    @DisplayName("R11: a missing or malformed target is a 400")
    void r11BadInputIsBadRequest() {
        String id = newSubscription();

        assertProblem(changeDirectory(id, "{}", adminToken), 400, "missing_field");
        assertProblem(changeDirectory(id, "{\"targetTenantId\":\"tailspin\"}", adminToken), 400, "invalid_id");
        assertProblem(changeDirectory(id, "{nope", adminToken), 400, "malformed_body");
        assertProblem(changeDirectory("not-a-guid", "{}", adminToken), 400, "invalid_id");
    }
}
