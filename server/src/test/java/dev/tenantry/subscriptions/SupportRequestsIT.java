package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.access.RoleDefinition;
import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.app.Services;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.shared.Caller;
import dev.tenantry.testing.CookieClient;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 10 over the real server: ARM's Microsoft.Support/supportTickets and the portal's Support tab. */
class SupportRequestsIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Tenantry!2026";
    private static final String API = "?api-version=2020-04-01";
    private static final SupportService.ProblemType BILLING = SupportService.PROBLEM_TYPES.get(0);

    private static String collection;
    private static String tab;
    private static String adminToken;
    private static String readerToken;
    private static String strangerToken;

    @BeforeAll
    static void directories() {
        Services services = server.app().services();
        CreatedDirectory contoso = services.tenants()
                .createDirectory("Contoso", "US", "contoso", NewUser.of("Ada Admin", "admin", PASSWORD));
        User admin = contoso.admin();
        User rita = services.users()
                .createUser(Caller.system(), contoso.tenant().id(), NewUser.of("Rita Reader", "rita", PASSWORD));
        services.tenants().createDirectory("Northwind", "NL", "northwind", NewUser.of("Bea Baker", "bea", PASSWORD));
        Caller.User adminCaller = new Caller.User(admin.tenantId(), admin.id());
        UUID subscription = services.subscriptions()
                .createCloudSubscription(adminCaller, "MS-AZR-0003P", "Contoso Dev", null)
                .id();
        services.access()
                .assign(
                        adminCaller,
                        new SubscriptionScope(contoso.tenant().id(), subscription),
                        UUID.randomUUID(),
                        RoleDefinition.READER,
                        rita.id().value());
        collection = "/subscriptions/" + subscription + "/providers/Microsoft.Support/supportTickets";
        tab = "/portal/subscriptions/" + subscription + "/support";
        adminToken = Tokens.password(server, "admin@contoso.onmicrosoft.test", PASSWORD, Tokens.MANAGEMENT);
        readerToken = Tokens.password(server, "rita@contoso.onmicrosoft.test", PASSWORD, Tokens.MANAGEMENT);
        strangerToken = Tokens.password(server, "bea@northwind.onmicrosoft.test", PASSWORD, Tokens.MANAGEMENT);
    }

    private static String body(String severity, String email) {
        return """
                {"properties":{"title":"Invoice is wrong","description":"June counts two subscriptions.",
                 "serviceId":"%s","problemClassificationId":"%s","severity":"%s",
                 "contactDetails":{"firstName":"Rita","lastName":"Reader","preferredContactMethod":"email",
                  "primaryEmailAddress":"%s","preferredTimeZone":"W. Europe Standard Time","country":"nld",
                  "preferredSupportLanguage":"en-US"}}}
                """.formatted(BILLING.serviceId(), BILLING.problemClassificationId(), severity, email);
    }

    private static HttpResponse<String> put(String name, String body, String token) {
        return server.send(server.request(collection + "/" + name + API)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertArmError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).at("/error/code").asText()).isEqualTo(code);
    }

    @Test
    @DisplayName("issue 10: a Reader creates a ticket with PUT (201, ARM's shape), then lists and gets it")
    void readerCreatesListsAndGetsATicket() {
        HttpResponse<String> created = put("billing-question", body("moderate", "rita@contoso.test"), readerToken);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode ticket = json(created);
        assertThat(ticket.get("id").asText()).isEqualTo(collection + "/billing-question");
        assertThat(ticket.get("type").asText()).isEqualTo("Microsoft.Support/supportTickets");
        assertThat(ticket.at("/properties/status").asText()).isEqualTo("Open");
        assertThat(ticket.at("/properties/severity").asText()).isEqualTo("moderate");
        assertThat(ticket.at("/properties/supportTicketId").asText()).matches("\\d{16}");
        assertThat(ticket.at("/properties/serviceId").asText()).isEqualTo(BILLING.serviceId());
        assertThat(ticket.at("/properties/contactDetails/primaryEmailAddress").asText())
                .isEqualTo("rita@contoso.test");
        assertThat(ticket.at("/properties/createdDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        JsonNode list = json(server.get(collection + API, adminToken));
        assertThat(list.get("value"))
                .anySatisfy(t -> assertThat(t.get("name").asText()).isEqualTo("billing-question"));
        HttpResponse<String> got = server.get(collection + "/billing-question" + API, adminToken);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(json(got).at("/properties/title").asText()).isEqualTo("Invoice is wrong");
    }

    @Test
    @DisplayName("issue 10: bad input is a 400 naming what to fix; a taken name a 409; an unknown one a 404")
    void refusals() {
        assertThat(put("dup", body("minimal", "rita@contoso.test"), adminToken).statusCode())
                .isEqualTo(201);

        assertArmError(put("dup", body("minimal", "rita@contoso.test"), adminToken), 409, "Conflict");
        HttpResponse<String> severity = put("t1", body("urgent", "rita@contoso.test"), adminToken);
        assertArmError(severity, 400, "BadRequest");
        assertThat(json(severity).at("/error/message").asText()).contains("minimal, moderate, critical");
        assertArmError(put("t2", body("minimal", "not-an-email"), adminToken), 400, "BadRequest");
        assertArmError(put("t3", "{\"properties\":{}}", adminToken), 400, "BadRequest");
        assertArmError(put("t4", "{nope", adminToken), 400, "InvalidRequestContent");
        assertArmError(put("bad%20name", body("minimal", "a@b.test"), adminToken), 400, "BadRequest");
        assertArmError(server.get(collection + "/nope" + API, adminToken), 404, "ResourceNotFound");
        assertArmError(server.get(collection + API + "&$top=1", adminToken), 400, "InvalidQueryParameter");
        assertArmError(server.get(collection, adminToken), 400, "MissingApiVersionParameter");
    }

    @Test
    @DisplayName("issue 10, R14: a user of another directory can neither open nor read a ticket of the subscription")
    void anotherDirectorysUserFindsNothing() {
        assertArmError(put("t5", body("minimal", "bea@northwind.test"), strangerToken), 404, "SubscriptionNotFound");
        assertArmError(server.get(collection + API, strangerToken), 404, "SubscriptionNotFound");
        assertThat(new CookieClient(server)
                        .signIn("bea@northwind.onmicrosoft.test", PASSWORD)
                        .get(tab)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    @DisplayName("issue 10: the portal's Support tab opens a request (severity A/B/C) and shows it; bad input is shown")
    void portalOpensAndShowsARequest() {
        CookieClient browser = new CookieClient(server).signIn("rita@contoso.onmicrosoft.test", PASSWORD);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("problemType", BILLING.key());
        fields.put("severity", "A");
        fields.put("title", "Cannot see my invoice");
        fields.put("description", "The invoice page is empty.");
        fields.put("firstName", "Rita");
        fields.put("lastName", "Reader");
        fields.put("email", "rita@contoso.test");
        fields.put("contactMethod", "email");
        fields.put("phone", "");

        HttpResponse<String> posted = browser.submit(tab, tab, fields);

        assertThat(posted.statusCode()).isEqualTo(303);
        String location = posted.headers().firstValue("Location").orElseThrow();
        String page = browser.get(location).body();
        assertThat(CookieClient.textOf(page, "ticket-status")).isEqualTo("Open");
        assertThat(CookieClient.textOf(page, "ticket-severity")).isEqualTo("A");
        assertThat(CookieClient.textOf(page, "ticket-problem-type")).isEqualTo("Billing");
        assertThat(browser.get(tab).body())
                .contains("Cannot see my invoice")
                .contains("aria-current=\"page\">Support</a>");

        fields.put("contactMethod", "phone");
        HttpResponse<String> refused = browser.submit(tab, tab, fields);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(CookieClient.textOf(refused.body(), "support-error")).contains("phoneNumber");
        fields.put("problemType", "");
        assertThat(CookieClient.textOf(browser.submit(tab, tab, fields).body(), "support-error"))
                .contains("Choose the type of your problem");
        assertThat(browser.post(tab, Map.of("title", "no token")).statusCode()).isEqualTo(403);
    }
}
