package dev.tenantry.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.app.Services;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.shared.Caller;
import dev.tenantry.testing.CookieClient;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.TestBillingDetails;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PortalPagesIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final String PASSWORD = "Tenantry!2026";
    private static final String ADMIN = "admin@fabrikam.onmicrosoft.test";
    private static final String PAUL = "paul@fabrikam.onmicrosoft.test";
    private static final String BEA = "bea@northwind.onmicrosoft.test";
    private static final String UPN_CELLS = "<td>([^<]+@[^<]+)</td>";

    private static User admin;
    private static User paul;
    private static java.util.UUID paulsSubscription;

    @BeforeAll
    static void directories() {
        Services services = server.app().services();
        var fabrikam = services.tenants()
                .createDirectory("Fabrikam", "US", "fabrikam", NewUser.of("Ada Admin", "admin", PASSWORD));
        admin = fabrikam.admin();
        paul = services.users()
                .createUser(Caller.system(), fabrikam.tenant().id(), NewUser.of("Paul Plain", "paul", PASSWORD));
        services.tenants().createDirectory("Northwind", "NL", "northwind", NewUser.of("Bea Baker", "bea", PASSWORD));
        paulsSubscription = server.app()
                .services()
                .subscriptions()
                .createCloudSubscription(
                        new Caller.User(paul.tenantId(), paul.id()),
                        "MS-AZR-0044P",
                        "Trial of Paul",
                        TestBillingDetails.valid().build())
                .id();
    }

    @Test
    void unauthenticatedPortalRedirectsToSignIn() {
        HttpResponse<String> response = server.get("/portal");

        assertThat(response.statusCode()).isIn(302, 303);
        assertThat(response.headers().firstValue("Location")).hasValue("/signin?returnUrl=%2Fportal");
    }

    @Test
    void homeShowsTheDirectoryAndTheSwitcher() {
        String home =
                new CookieClient(server).signIn(PAUL, PASSWORD).get("/portal").body();

        assertThat(CookieClient.textOf(home, "directory-name")).isEqualTo("Fabrikam");
        assertThat(CookieClient.textOf(home, "directory-domain")).isEqualTo("fabrikam.onmicrosoft.test");
        assertThat(home).contains("id=\"directory-switcher\"", "aria-current=\"page\">Home</a>");
    }

    @Test
    void portalAndAdminCenterListTheSameUsers() {
        CookieClient browser = new CookieClient(server).signIn(PAUL, PASSWORD);

        List<String> portal =
                CookieClient.all(browser.get("/portal/directory/users").body(), UPN_CELLS);
        List<String> adminCenter = CookieClient.all(browser.get("/admin/users").body(), UPN_CELLS);

        assertThat(portal).contains(ADMIN, PAUL).doesNotContain(BEA).isEqualTo(adminCenter);
    }

    @Test
    void searchFiltersByDisplayNameStart() {
        CookieClient browser = new CookieClient(server).signIn(PAUL, PASSWORD);

        String found = browser.get("/portal/directory/users?search=pau").body();

        assertThat(CookieClient.all(found, UPN_CELLS)).containsExactly(PAUL);
        assertThat(found).contains("value=\"pau\"");
    }

    @Test
    void profileShowsTheDirectoryRolesOrUser() {
        CookieClient browser = new CookieClient(server).signIn(PAUL, PASSWORD);

        String adminProfile =
                browser.get("/portal/directory/users/" + admin.id()).body();
        String paulProfile = browser.get("/portal/directory/users/" + paul.id()).body();

        assertThat(CookieClient.textOf(adminProfile, "directory-role")).isEqualTo("Global Administrator");
        assertThat(CookieClient.textOf(paulProfile, "directory-role")).isEqualTo("User");
        assertThat(CookieClient.textOf(paulProfile, "profile-upn")).isEqualTo(PAUL);
        assertThat(paulProfile).contains("Usage location", "Account enabled", "Member", "Created");
    }

    @Test
    void subscriptionsShowDirectoryOfferStateAndAccountAdministrator() {
        String page = new CookieClient(server)
                .signIn(PAUL, PASSWORD)
                .get("/portal/subscriptions")
                .body();

        assertThat(page)
                .contains(
                        "Trial of Paul",
                        "Fabrikam",
                        "fabrikam.onmicrosoft.test",
                        "MS-AZR-0044P",
                        "Free Trial",
                        "Enabled",
                        "Paul Plain",
                        PAUL);
    }

    @Test
    void aSubscriptionsOverviewShowsItsEssentialsToThoseWhoMayReadIt() {
        String list = new CookieClient(server)
                .signIn(PAUL, PASSWORD)
                .get("/portal/subscriptions")
                .body();
        HttpResponse<String> overview =
                new CookieClient(server).signIn(PAUL, PASSWORD).get("/portal/subscriptions/" + paulsSubscription);
        HttpResponse<String> stranger =
                new CookieClient(server).signIn(BEA, PASSWORD).get("/portal/subscriptions/" + paulsSubscription);

        assertThat(list).contains("href=\"/portal/subscriptions/" + paulsSubscription + "\"");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(CookieClient.textOf(overview.body(), "subscription-name")).isEqualTo("Trial of Paul");
        assertThat(CookieClient.textOf(overview.body(), "subscription-state")).isEqualTo("Enabled");
        assertThat(overview.body()).contains("aria-current=\"page\">Overview</a>", "Free Trial", PAUL);
        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(stranger.body()).doesNotContain("Trial of Paul");
    }

    @Test
    void aUserOfAnotherDirectoryCannotOpenAProfile() {
        CookieClient browser = new CookieClient(server).signIn(BEA, PASSWORD);

        HttpResponse<String> portal = browser.get("/portal/directory/users/" + paul.id());
        HttpResponse<String> adminCenter = browser.get("/admin/users/" + paul.id());

        assertThat(portal.statusCode()).isEqualTo(404);
        assertThat(adminCenter.statusCode()).isEqualTo(404);
        assertThat(portal.body()).doesNotContain("Paul Plain");
        assertThat(CookieClient.all(browser.get("/portal/directory/users").body(), UPN_CELLS))
                .containsExactly(BEA);
    }

    @Test
    void usersArePagedFiftyAtATime() {
        Services services = server.app().services();
        var tailspin = services.tenants()
                .createDirectory("Tailspin", "US", "tailspin", NewUser.of("Tia Admin", "admin", PASSWORD));
        for (int i = 0; i < 50; i++) {
            services.users()
                    .createUser(
                            Caller.system(),
                            tailspin.tenant().id(),
                            NewUser.of("Member %02d".formatted(i), "member%02d".formatted(i), PASSWORD));
        }
        CookieClient browser = new CookieClient(server).signIn("admin@tailspin.onmicrosoft.test", PASSWORD);

        String first = browser.get("/portal/directory/users").body();
        List<String> next = CookieClient.all(first, "id=\"next-page\" href=\"([^\"]+)\"");
        assertThat(next).hasSize(1);
        String second = browser.get(next.get(0).replace("&amp;", "&")).body();

        List<String> firstUsers = CookieClient.all(first, UPN_CELLS);
        List<String> secondUsers = CookieClient.all(second, UPN_CELLS);
        assertThat(firstUsers).hasSize(50);
        assertThat(secondUsers).hasSize(1).doesNotContainAnyElementsOf(firstUsers);
        assertThat(second).doesNotContain("id=\"next-page\"");
    }
}
