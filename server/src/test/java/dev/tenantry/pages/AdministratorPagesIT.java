package dev.tenantry.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.directory.NewUser;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import dev.tenantry.testing.CookieClient;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.Tokens;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 10 (R4): the portal's Administrators tab and the billing ownership transfer pages, forms posted with CSRF. */
class AdministratorPagesIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Tenantry!2026";
    private static final String ADMIN = "admin@northwind.onmicrosoft.test";

    static String janeId;
    static String alexId;

    @BeforeAll
    static void signUp() throws Exception {
        HttpResponse<String> signUp = server.postJson("/api/signups", """
                {"organization":"Northwind","domainPrefix":"northwind","countryCode":"US",
                 "admin":{"displayName":"Nora Admin","userName":"admin","password":"%s"},"product":"MS-AZR-0003P"}
                """.formatted(PASSWORD));
        assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(201);
        TenantId tenant =
                TenantId.parse(JSON.readTree(signUp.body()).get("tenantId").asText());
        janeId = addUser(tenant, "jane", "Jane Doe");
        alexId = addUser(tenant, "alex", "Alex Wilber");
    }

    private static String addUser(TenantId tenant, String alias, String name) {
        return server.app()
                .services()
                .users()
                .createUser(Caller.system(), tenant, NewUser.of(name, alias, PASSWORD))
                .id()
                .toString();
    }

    /** A new cloud subscription of the admin, so each test starts from the default administrators. */
    private static String newSubscription() throws Exception {
        String token = Tokens.password(server, ADMIN, PASSWORD, Tokens.MANAGEMENT);
        HttpResponse<String> created =
                server.postJson("/api/subscriptions/cloud", "{\"offerId\":\"MS-AZR-0003P\"}", token);
        JsonNode body = JSON.readTree(created.body());
        return body.get("subscriptionId").asText();
    }

    private static List<String> roleCells(String html) {
        return CookieClient.all(html, "<td class=\"roles\">([^<]*)</td>");
    }

    @Test
    @DisplayName(
            "issue 10 (R4): the account administrator changes the service administrator and adds, then removes, a co-administrator")
    void r4AdministratorsTabChangesAdministrators() throws Exception {
        String page = "/portal/subscriptions/" + newSubscription() + "/administrators";
        CookieClient admin = new CookieClient(server).signIn(ADMIN, PASSWORD);

        HttpResponse<String> before = admin.get(page);
        HttpResponse<String> service = admin.postFrom(page, page + "/serviceAdministrator", "userId", janeId);
        HttpResponse<String> co = admin.postFrom(page, page + "/coAdministrators", "userId", alexId);
        HttpResponse<String> after = admin.get(page);
        HttpResponse<String> removed = admin.postFrom(page, page + "/coAdministrators/" + alexId + "/remove");

        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(roleCells(before.body())).containsExactly("Service administrator, Account administrator");
        assertThat(before.body()).contains("Jane Doe (jane@northwind.onmicrosoft.test)", "Transfer billing ownership");
        assertThat(service.statusCode()).isEqualTo(303);
        assertThat(co.statusCode()).isEqualTo(303);
        assertThat(roleCells(after.body()))
                .containsExactly("Account administrator", "Service administrator", "Co-administrator");
        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(roleCells(admin.get(page).body())).containsExactly("Account administrator", "Service administrator");
    }

    @Test
    @DisplayName("issue 10 (R4): a refusal is shown next to the form's field; a post without CSRF is refused")
    void r4RefusalShownNextToTheField() throws Exception {
        String page = "/portal/subscriptions/" + newSubscription() + "/administrators";
        CookieClient admin = new CookieClient(server).signIn(ADMIN, PASSWORD);

        HttpResponse<String> notAUser =
                admin.postFrom(page, page + "/coAdministrators", "userId", "00000000-0000-4000-8000-000000000001");
        HttpResponse<String> withoutCsrf = admin.post(page + "/coAdministrators", Map.of("userId", alexId));

        assertThat(notAUser.statusCode()).isEqualTo(422);
        assertThat(CookieClient.textOf(notAUser.body(), "coAdministrator-error"))
                .contains("is not a user of the directory");
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName(
            "issue 10 (R4): the recipient accepts a billing ownership transfer on its page and becomes account administrator")
    void r4RecipientAcceptsOnItsPage() throws Exception {
        String subscription = newSubscription();
        String page = "/portal/subscriptions/" + subscription + "/administrators";
        CookieClient admin = new CookieClient(server).signIn(ADMIN, PASSWORD);
        CookieClient jane = new CookieClient(server).signIn("jane@northwind.onmicrosoft.test", PASSWORD);
        CookieClient alex = new CookieClient(server).signIn("alex@northwind.onmicrosoft.test", PASSWORD);

        HttpResponse<String> sent = admin.postFrom(page, page + "/transfers", "userId", janeId);
        String waiting = jane.get("/portal/transfers").body();
        String link = CookieClient.all(waiting, "href=\"(/portal/transfers/[0-9a-f-]{36})\"")
                .get(0);
        HttpResponse<String> forAlex = alex.get(link);
        HttpResponse<String> accepted = jane.postFrom(link, link + "/accept");
        HttpResponse<String> tab = jane.get(page + "?done=accepted");

        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(forAlex.statusCode()).isEqualTo(404);
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(accepted.headers().firstValue("Location")).hasValue(page + "?done=accepted");
        assertThat(tab.body()).contains("You are now the account administrator");
        assertThat(roleCells(tab.body())).containsExactly("Service administrator, Account administrator");
        assertThat(tab.body()).contains("jane@northwind.onmicrosoft.test");
        assertThat(admin.get(page).statusCode())
                .as("the previous account administrator keeps Owner")
                .isEqualTo(200);
    }
}
