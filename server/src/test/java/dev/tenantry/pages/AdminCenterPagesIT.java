package dev.tenantry.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.app.Services;
import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import dev.tenantry.testing.CookieClient;
import dev.tenantry.testing.RunningServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AdminCenterPagesIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final String PASSWORD = "Tenantry!2026";
    private static final String ADMIN = "admin@contoso.onmicrosoft.test";
    private static final String PETE = "pete@contoso.onmicrosoft.test";
    private static final String NEW_USER = "/admin/users/new";

    private static TenantId contoso;
    private static User pete;

    @BeforeAll
    static void directory() {
        Services services = server.app().services();
        var created = services.tenants()
                .createDirectory("Contoso", "US", "contoso", NewUser.of("Carla Admin", "admin", PASSWORD));
        contoso = created.tenant().id();
        pete = services.users().createUser(Caller.system(), contoso, NewUser.of("Pete Plain", "pete", PASSWORD));
        server.app()
                .services()
                .subscriptions()
                .buySuiteSubscription(new Caller.User(contoso, created.admin().id()), "ENTERPRISEPACK", 25, false);
    }

    @Test
    void unauthenticatedAdminCenterRedirectsToSignIn() {
        HttpResponse<String> response = server.get("/admin/users");

        assertThat(response.statusCode()).isIn(302, 303);
        assertThat(response.headers().firstValue("Location")).hasValue("/signin?returnUrl=%2Fadmin%2Fusers");
    }

    @Test
    void anAdministratorAddsAUserWhoThenAppearsInTheList() {
        CookieClient browser = new CookieClient(server).signIn(ADMIN, PASSWORD);

        HttpResponse<String> added = browser.post(
                NEW_USER, "displayName", "Nina New", "userName", "nina", "password", PASSWORD, "usageLocation", "NL");

        assertThat(added.statusCode()).isEqualTo(303);
        String location = added.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/admin/users/").endsWith("?done=created");
        String profile = browser.get(location).body();
        assertThat(CookieClient.textOf(profile, "notice")).isEqualTo("The user was added.");
        assertThat(CookieClient.textOf(profile, "profile-usage-location")).isEqualTo("NL");
        assertThat(browser.get("/admin/users").body()).contains("nina@contoso.onmicrosoft.test", "Nina New");
    }

    @Test
    void badInputKeepsTheValuesAndNamesTheField() {
        CookieClient browser = new CookieClient(server).signIn(ADMIN, PASSWORD);

        HttpResponse<String> weak = browser.post(
                NEW_USER, "displayName", "Walt Weak", "userName", "walt", "password", "short", "usageLocation", "");
        HttpResponse<String> taken = browser.post(
                NEW_USER, "displayName", "Pete Again", "userName", "pete", "password", PASSWORD, "usageLocation", "");
        HttpResponse<String> country = browser.post(
                NEW_USER, "displayName", "Xavi", "userName", "xavi", "password", PASSWORD, "usageLocation", "ZZ");

        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.body())
                .contains("value=\"Walt Weak\"", "value=\"walt\"", "id=\"password-error\"")
                .doesNotContain("short");
        assertThat(taken.body()).contains("value=\"Pete Again\"", "id=\"userName-error\"");
        assertThat(CookieClient.textOf(taken.body(), "userName-error")).contains("already taken");
        assertThat(country.body()).contains("id=\"usageLocation-error\"", "value=\"ZZ\"");
    }

    @Test
    void aPlainUserCannotAddUsers() {
        CookieClient browser = new CookieClient(server).signIn(PETE, PASSWORD);

        HttpResponse<String> refused = browser.post(
                NEW_USER, "displayName", "Sneaky", "userName", "sneaky", "password", PASSWORD, "usageLocation", "");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("<li>Global Administrator</li>");
    }

    @Test
    void aPlainUsersRoleAssignmentIsRefusedNamingGlobalAdministrator() {
        CookieClient browser = new CookieClient(server).signIn(PETE, PASSWORD);
        String page = "/admin/users/" + pete.id();

        HttpResponse<String> refused = browser.postFrom(
                page,
                page + "/roles",
                "role",
                DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR.templateId().toString());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Roles that would allow this", "<li>Global Administrator</li>");
        assertThat(CookieClient.textOf(browser.get(page).body(), "directory-role"))
                .isEqualTo("User");
    }

    @Test
    void aGlobalAdministratorAssignsBillingAdministrator() {
        User bill = server.app()
                .services()
                .users()
                .createUser(Caller.system(), contoso, NewUser.of("Bill Payer", "bill", PASSWORD));
        CookieClient browser = new CookieClient(server).signIn(ADMIN, PASSWORD);
        String page = "/admin/users/" + bill.id();

        HttpResponse<String> assigned = browser.postFrom(
                page,
                page + "/roles",
                "role",
                DirectoryRoleTemplate.BILLING_ADMINISTRATOR.templateId().toString());

        assertThat(assigned.statusCode()).isEqualTo(303);
        String profile = browser.get(assigned.headers().firstValue("Location").orElseThrow())
                .body();
        assertThat(CookieClient.textOf(profile, "directory-role")).isEqualTo("Billing Administrator");
        assertThat(CookieClient.textOf(profile, "notice")).isEqualTo("The directory role was assigned.");
        String portalProfile =
                browser.get("/portal/directory/users/" + bill.id()).body();
        assertThat(CookieClient.textOf(portalProfile, "directory-role")).isEqualTo("Billing Administrator");
    }

    @Test
    void resetPasswordLetsTheUserSignInWithTheNewOne() {
        User rita = server.app()
                .services()
                .users()
                .createUser(Caller.system(), contoso, NewUser.of("Rita Reset", "rita", PASSWORD));
        CookieClient browser = new CookieClient(server).signIn(ADMIN, PASSWORD);
        String page = "/admin/users/" + rita.id();

        HttpResponse<String> weak = browser.postFrom(page, page + "/password", "newPassword", "weak");
        HttpResponse<String> reset = browser.postFrom(page, page + "/password", "newPassword", "Fresh!Start2026");

        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.body()).contains("id=\"newPassword-error\"");
        assertThat(reset.statusCode()).isEqualTo(303);
        assertThat(CookieClient.textOf(browser.get(page + "?done=password").body(), "notice"))
                .startsWith("The password was reset.");
        new CookieClient(server).signIn("rita@contoso.onmicrosoft.test", "Fresh!Start2026");
    }

    @Test
    void productsShowSeatsUsedOfTotal() {
        String page = new CookieClient(server)
                .signIn(ADMIN, PASSWORD)
                .get("/admin/billing/products")
                .body();

        assertThat(page).contains("Office 365 E3", "ENTERPRISEPACK", "Enabled", "0 / 25", "href=\"/store/suite\"");
        assertThat(page).contains("aria-current=\"page\">Billing</a>");
    }

    @Test
    void aPostWithoutCsrfTokenIsForbidden() {
        CookieClient browser = new CookieClient(server).signIn(ADMIN, PASSWORD);

        HttpResponse<String> response =
                browser.post(NEW_USER, "displayName=Mallory&userName=mallory&password=Tenantry%212026");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(browser.get("/admin/users").body()).doesNotContain("mallory@");
    }
}
