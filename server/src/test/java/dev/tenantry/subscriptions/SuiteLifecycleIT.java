package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.app.Services;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import dev.tenantry.subscriptions.LicenceService.AddLicence;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 9 over HTTPS: {@code POST /api/subscriptions/suite/{id}/seats}, {@code …/convert}, {@code …/cancel} and
 * {@code …/reactivate}, each refusal with its status and code, and what Graph's subscribedSkus and licenseDetails show.
 */
class SuiteLifecycleIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREMIUM = "f245ecc8-75af-4f8e-b61f-27d8114de5c3";
    private static final String E3 = "6fd2c87f-b296-42f0-b197-1e91e994b900";
    private static final String BASIC = "3b555118-da6a-4418-894f-7df1e2096870";
    private static final String BILLING = """
            {"billingProfile":{"name":"Ada Tum","email":"ada@example.com","phone":"+31 20 123 4567",
             "countryCode":"NL","addressLine1":"Dam 1","city":"Amsterdam","postalCode":"1012 JS",
             "paymentCard":{"number":"4111 1111 1111 1111","expiryMonth":12,"expiryYear":2099,"cvc":"123"}}}
            """;

    private static Services services;
    private static TenantId tenant;
    private static Caller.User admin;
    private static String arm;
    private static String graph;
    private static String userAdminArm;
    private static User adele;
    /** A directory no test gives a billing profile. */
    private static String noBillingArm;

    @BeforeAll
    static void directory() {
        services = server.app().services();
        CreatedDirectory created = services.tenants()
                .createDirectory(
                        "Lifecycle", "NL", "lifecycle", NewUser.of("Ada Tum", "admin", TestDirectories.PASSWORD));
        tenant = created.tenant().id();
        admin = TestDirectory.callerOf(created.admin());
        arm = token("admin", Tokens.MANAGEMENT);
        graph = token("admin", Tokens.GRAPH);
        User userAdmin = user("uadmin");
        services.directoryRoles().assignRole(admin, tenant, DirectoryRoleTemplate.USER_ADMINISTRATOR, userAdmin.id());
        userAdminArm = token("uadmin", Tokens.MANAGEMENT);
        adele = user("adele");
        services.tenants()
                .createDirectory("No billing", "NL", "nobilling", NewUser.of("Nob", "admin", TestDirectories.PASSWORD));
        noBillingArm = Tokens.password(
                server, "admin@nobilling.onmicrosoft.test", TestDirectories.PASSWORD, Tokens.MANAGEMENT);
    }

    private static User user(String alias) {
        return services.users().createUser(Caller.system(), tenant, LicensedUsers.located(alias));
    }

    private static String token(String alias, String scope) {
        return Tokens.password(server, alias + "@lifecycle.onmicrosoft.test", TestDirectories.PASSWORD, scope);
    }

    private static String buy(boolean trial, int seats) {
        return buy(trial, seats, arm);
    }

    private static String buy(boolean trial, int seats, String token) {
        return buy("O365_BUSINESS_PREMIUM", trial, seats, token);
    }

    private static String buy(String sku, boolean trial, int seats, String token) {
        HttpResponse<String> bought = server.postJson(
                "/api/subscriptions/suite",
                "{\"skuPartNumber\":\"" + sku + "\",\"seats\":" + seats + ",\"trial\":" + trial + "}",
                token);
        assertThat(bought.statusCode()).as(bought.body()).isEqualTo(201);
        return json(bought).get("id").asText();
    }

    private static HttpResponse<String> post(String id, String action, String body, String token) {
        return server.postJson("/api/subscriptions/suite/" + id + "/" + action, body, token);
    }

    private static HttpResponse<String> post(String id, String action) {
        return post(id, action, "", arm);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("detail").asText()).contains(detail);
    }

    private static String stateOf(String id) {
        return json(server.get("/api/subscriptions/suite/" + id, arm))
                .get("state")
                .asText();
    }

    private static JsonNode premiumSku() {
        return graphSku(PREMIUM);
    }

    private static JsonNode graphSku(String skuId) {
        for (JsonNode sku : json(server.get("/v1.0/subscribedSkus", graph)).get("value")) {
            if (sku.get("skuId").asText().equals(skuId)) {
                return sku;
            }
        }
        throw new AssertionError("no SKU " + skuId + " in subscribedSkus");
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves the subscription's state end into the past, as if its time had passed, and runs the lifecycle job. */
    private static void timePasses(String id, Duration ago) {
        SuiteSubscription current = services.subscriptions().getSuiteSubscription(admin, tenant, UUID.fromString(id));
        Instant past = Instant.now().minus(ago);
        services.stores()
                .suiteSubscriptions()
                .update(new SuiteSubscription(
                        current.id(),
                        current.tenantId(),
                        current.skuId(),
                        current.skuPartNumber(),
                        current.seatsEnabled(),
                        current.seatsSuspended(),
                        current.seatsWarning(),
                        current.state(),
                        current.trial(),
                        current.trial() ? past : null,
                        current.createdAt(),
                        past));
        services.suiteLifecycle().advance();
    }

    @Test
    @DisplayName("issue 9: seats are bought and removed; subscribedSkus' prepaidUnits.enabled follows")
    void seatsAreBoughtAndRemoved() {
        String id = buy(false, 10);

        HttpResponse<String> added = post(id, "seats", "{\"add\":5}", arm);
        HttpResponse<String> removed = post(id, "seats", "{\"remove\":3}", arm);

        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(json(added).at("/seats/enabled").asInt()).isEqualTo(15);
        assertThat(json(removed).at("/seats/enabled").asInt()).isEqualTo(12);
        assertThat(json(server.get("/api/subscriptions/suite/" + id, arm))
                        .at("/seats/enabled")
                        .asInt())
                .isEqualTo(12);
        assertThat(premiumSku().at("/prepaidUnits/enabled").asInt()).isGreaterThanOrEqualTo(12);
    }

    @Test
    @DisplayName("issue 9: a seat order retried with its Idempotency-Key buys once; another body with it is refused")
    void seatOrdersAreIdempotent() {
        String id = buy(false, 10);
        HttpRequest.Builder request = server.request("/api/subscriptions/suite/" + id + "/seats")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + arm)
                .header("Idempotency-Key", "seats-" + id);

        HttpResponse<String> first = server.send(
                request.POST(HttpRequest.BodyPublishers.ofString("{\"add\":5}")).build());
        HttpResponse<String> retry = server.send(
                request.POST(HttpRequest.BodyPublishers.ofString("{\"add\":5}")).build());
        HttpResponse<String> other = server.send(
                request.POST(HttpRequest.BodyPublishers.ofString("{\"add\":6}")).build());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(services.subscriptions()
                        .getSuiteSubscription(admin, tenant, UUID.fromString(id))
                        .seats())
                .isEqualTo(15);
    }

    @Test
    @DisplayName("issue 9: each malformed seat order is a 400 that says what to send")
    void malformedSeatOrdersAreRefused() {
        String id = buy(false, 10);

        assertProblem(post(id, "seats", "{\"add\":5,\"remove\":1}", arm), 400, "invalid_seat_change", "exactly one");
        assertProblem(post(id, "seats", "{}", arm), 400, "invalid_seat_change", "{\"add\": 5}");
        assertProblem(post(id, "seats", "{\"remove\":0}", arm), 400, "invalid_seat_change", "from 1");
        assertThat(post(id, "seats", "{\"add\":\"five\"}", arm).statusCode()).isEqualTo(400);
        assertThat(post(id, "seats", "", arm).statusCode()).isEqualTo(400);
        assertThat(post("not-a-guid", "seats", "{\"add\":1}", arm).statusCode()).isEqualTo(400);
        assertProblem(post(id, "seats", "{\"add\":1000}", arm), 400, "invalid_seats", "between 1 and 300");
    }

    @Test
    @DisplayName("issue 9 (R13): removing below the licences assigned is a 422 naming how many to unassign first")
    void removingBelowTheAssignedIsRefused() {
        String id = buy("ENTERPRISEPACK", false, 3, arm);
        for (User user : List.of(adele, user("alex"))) {
            services.licences()
                    .assignLicense(admin, tenant, user.id().toString(), List.of(new AddLicence(E3, null)), List.of());
        }

        assertProblem(
                post(id, "seats", "{\"remove\":2}", arm),
                422,
                "seats_in_use",
                "2 licences of ENTERPRISEPACK are assigned, and removing 2 seats would leave 1. Unassign 1 licence"
                        + " first, or remove fewer seats.");
        assertThat(json(post(id, "seats", "{\"remove\":1}", arm))
                        .at("/seats/enabled")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    @DisplayName("issue 9 (R6): a user without Global or Billing Administrator is refused with 403; unknown ids 404")
    void accessAndUnknownSubscriptions() {
        String id = buy(false, 10);

        for (String action : List.of("seats", "convert", "cancel", "reactivate")) {
            assertProblem(
                    post(id, action, "seats".equals(action) ? "{\"add\":1}" : "", userAdminArm),
                    403,
                    "role_required",
                    "Billing Administrator");
            assertThat(post(UUID.randomUUID().toString(), action, "seats".equals(action) ? "{\"add\":1}" : "", arm)
                            .statusCode())
                    .isEqualTo(404);
        }
        assertThat(server.send(server.request("/api/subscriptions/suite/" + id + "/cancel")
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build())
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    @DisplayName("issue 9: a trial is bought with a billing profile and stays Enabled; buying twice is a 409")
    void aTrialIsConverted() {
        String id = buy(true, 5, noBillingArm);

        assertProblem(post(id, "convert", "", noBillingArm), 422, "billing_profile_required", "billingProfile");
        HttpResponse<String> paid = post(id, "convert", BILLING, noBillingArm);
        assertProblem(post(id, "convert", "", noBillingArm), 409, "not_a_trial", "paid already");

        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(json(paid).get("trial").asBoolean()).isFalse();
        assertThat(json(paid).get("state").asText()).isEqualTo("Enabled");
        assertThat(json(paid).get("stateEndsAt").isNull()).isTrue();
        assertProblem(
                post(buy(true, 1, noBillingArm), "convert", "{\"billingProfile\":{\"name\":\"\"}}", noBillingArm),
                400,
                "invalid_billing_profile",
                "");
    }

    @Test
    @DisplayName("issue 9: cancel suspends at once (Graph shows it, users lose the plans); reactivate brings it back")
    void cancelAndReactivate() {
        String id = buy("O365_BUSINESS_ESSENTIALS", false, 3, arm);
        User megan = user("megan");
        services.licences()
                .assignLicense(admin, tenant, megan.id().toString(), List.of(new AddLicence(BASIC, null)), List.of());

        HttpResponse<String> cancelled = post(id, "cancel");

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(json(cancelled).get("state").asText()).isEqualTo("Suspended");
        assertThat(json(cancelled).at("/seats/suspended").asInt()).isEqualTo(3);
        JsonNode sku = graphSku(BASIC);
        assertThat(sku.get("capabilityStatus").asText()).isEqualTo("Suspended");
        assertThat(sku.get("prepaidUnits").toString())
                .isEqualTo("{\"enabled\":0,\"suspended\":3,\"warning\":0,\"lockedOut\":0}");
        assertThat(provisioning(sku)).containsOnly("Disabled");
        assertThat(provisioning(licenseDetailsOf(megan))).containsOnly("Disabled");
        assertProblem(post(id, "cancel"), 409, "subscription_suspended", "already");
        assertProblem(post(id, "seats", "{\"add\":1}", arm), 409, "subscription_not_enabled", "reactivate");

        HttpResponse<String> back = post(id, "reactivate");

        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(json(back).get("state").asText()).isEqualTo("Enabled");
        assertThat(json(back).at("/seats/enabled").asInt()).isEqualTo(3);
        assertThat(graphSku(BASIC).get("capabilityStatus").asText()).isEqualTo("Enabled");
        assertThat(provisioning(licenseDetailsOf(megan))).containsOnly("Success");
        assertProblem(post(id, "reactivate"), 409, "subscription_already_enabled", "enabled already");
    }

    private static JsonNode licenseDetailsOf(User user) {
        JsonNode details = json(server.get("/v1.0/users/" + user.id() + "/licenseDetails", graph))
                .get("value");
        assertThat(details).hasSize(1);
        return details.get(0);
    }

    private static List<String> provisioning(JsonNode withPlans) {
        List<String> statuses = new ArrayList<>();
        withPlans
                .get("servicePlans")
                .forEach(plan -> statuses.add(plan.get("provisioningStatus").asText()));
        assertThat(statuses).isNotEmpty();
        return statuses;
    }

    @Test
    @DisplayName("issue 9: an ended trial is Warning, refuses reactivate (422 trial_ended) and is bought back")
    void anEndedTrialIsBoughtBack() {
        String id = buy(true, 2);
        timePasses(id, Duration.ofMinutes(1));

        assertThat(stateOf(id)).isEqualTo("Warning");
        assertProblem(post(id, "reactivate"), 422, "trial_ended", "buy the subscription");
        HttpResponse<String> bought = post(id, "convert", BILLING, arm);

        assertThat(json(bought).get("state").asText()).isEqualTo("Enabled");
        assertThat(json(bought).at("/seats/enabled").asInt()).isEqualTo(2);
    }

    @Test
    @DisplayName("issue 9: a deleted subscription answers 409 to every change and leaves subscribedSkus")
    void aDeletedSubscriptionChangesNoMore() {
        String id = buy(false, 1);
        post(id, "cancel");
        timePasses(id, Duration.ofMinutes(1));

        assertThat(stateOf(id)).isEqualTo("Deleted");
        assertProblem(post(id, "reactivate"), 409, "subscription_deleted", "buy a new one");
        assertProblem(post(id, "seats", "{\"add\":1}", arm), 409, "subscription_deleted", "buy a new one");
        assertThat(premiumSku().get("subscriptionIds").toString()).doesNotContain(id);
    }
}
