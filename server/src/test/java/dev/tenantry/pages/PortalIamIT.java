package dev.tenantry.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.access.RoleDefinition;
import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.app.Services;
import dev.tenantry.directory.Group;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.directory.groups.NewGroup;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import dev.tenantry.subscriptions.CloudSubscription;
import dev.tenantry.testing.CookieClient;
import dev.tenantry.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 10: the portal's Access control (IAM), resource groups and activity log pages, over HTTPS with forms. */
class PortalIamIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final String PASSWORD = "Tenantry!2026";
    private static final String ADMIN = "admin@tailspin.onmicrosoft.test";

    private static TenantId tailspin;
    private static Caller.User admin;
    private static CloudSubscription subscription;
    private static String iam;
    private static User jane;

    @BeforeAll
    static void subscription() {
        Services services = server.app().services();
        var created = services.tenants()
                .createDirectory("Tailspin", "US", "tailspin", NewUser.of("Tia Admin", "admin", PASSWORD));
        tailspin = created.tenant().id();
        admin = new Caller.User(tailspin, created.admin().id());
        jane = services.users().createUser(Caller.system(), tailspin, NewUser.of("Jane Doe", "jane", PASSWORD));
        subscription = services.subscriptions().createCloudSubscription(admin, "MS-AZR-0003P", "Tailspin prod", null);
        services.resourceGroups().createOrUpdate(admin, subscription.id(), "rg-web", "westeurope", Map.of());
        iam = "/portal/subscriptions/" + subscription.id() + "/iam";
    }

    @Test
    @DisplayName("issue 10: an Owner gives Jane Contributor from the IAM page; she then writes, and the log shows it")
    void ownerAddsARoleAssignmentThroughTheForms() {
        CookieClient browser = new CookieClient(server).signIn(ADMIN, PASSWORD);
        String add = iam + "/add?role=CONTRIBUTOR&search=Jane";

        HttpResponse<String> picker = browser.get(add);
        HttpResponse<String> posted = browser.postFrom(
                add,
                iam + "/add",
                "role",
                "CONTRIBUTOR",
                "principalId",
                jane.id().toString());
        HttpResponse<String> listed = browser.get(iam + "?done=added");
        HttpResponse<String> activity = browser.get("/portal/subscriptions/" + subscription.id() + "/activity");

        assertThat(picker.statusCode()).isEqualTo(200);
        assertThat(picker.body()).contains("Jane Doe", "jane@tailspin.onmicrosoft.test", "subscription-name");
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.headers().firstValue("Location")).hasValue(iam + "?done=added");
        assertThat(listed.body()).contains("Role assignment added.", "Jane Doe", "Contributor", "This resource");
        assertThat(server.app().services().access().rolesOf(new Caller.User(tailspin, jane.id()), subscriptionScope()))
                .contains(RoleDefinition.CONTRIBUTOR);
        assertThat(activity.body()).contains("Microsoft.Authorization/roleAssignments/write", ADMIN);
    }

    @Test
    @DisplayName("issue 10: a post without the CSRF token is refused and assigns nothing")
    void postWithoutCsrfIsRefused() {
        CookieClient browser = new CookieClient(server).signIn(ADMIN, PASSWORD);
        User kim = newUser("kim", "Kim Akers");

        HttpResponse<String> response = browser.post(iam + "/add", "role=READER&principalId=" + kim.id());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(server.app().services().access().list(admin, subscriptionScope()))
                .noneMatch(a -> a.principalId().equals(kim.id().value()));
    }

    @Test
    @DisplayName("issue 10: removing asks first; the last Owner cannot be removed (R4)")
    void removeAsksFirstAndKeepsTheLastOwner() {
        CookieClient browser = new CookieClient(server).signIn(ADMIN, PASSWORD);
        User lee = newUser("lee", "Lee Gu");
        UUID assignment = server.app()
                .services()
                .access()
                .assign(
                        admin,
                        subscriptionScope(),
                        UUID.randomUUID(),
                        RoleDefinition.READER,
                        lee.id().value())
                .assignment()
                .id();
        UUID owner = server.app().services().access().list(admin, subscriptionScope()).stream()
                .filter(a -> a.role() == RoleDefinition.OWNER)
                .findFirst()
                .orElseThrow()
                .id();

        HttpResponse<String> confirm = browser.get(iam + "/remove/" + assignment);
        HttpResponse<String> removed = browser.post(iam + "/remove/" + assignment, "dummy", "x");
        HttpResponse<String> lastOwner = browser.post(iam + "/remove/" + owner, "dummy", "x");

        assertThat(confirm.body()).contains("Remove role assignment?", "Lee Gu", "Reader");
        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(lastOwner.statusCode()).isEqualTo(422);
        assertThat(lastOwner.body()).contains("at least one Owner");
    }

    @Test
    @DisplayName("issue 10: a group's role shows on a resource group as inherited; check access names the group")
    void resourceGroupIamAndCheckAccess() {
        User max = newUser("max", "Max Morin");
        Group team = server.app()
                .services()
                .groups()
                .create(
                        admin,
                        tailspin,
                        new NewGroup(
                                "Web team",
                                null,
                                "webteam",
                                false,
                                true,
                                List.of(),
                                null,
                                List.of(max.id().toString()),
                                null));
        server.app()
                .services()
                .access()
                .assign(admin, subscriptionScope(), UUID.randomUUID(), RoleDefinition.READER, team.id());
        CookieClient browser = new CookieClient(server).signIn(ADMIN, PASSWORD);
        String groupIam = "/portal/subscriptions/" + subscription.id() + "/resourceGroups/rg-web/iam";

        HttpResponse<String> groups = browser.get("/portal/subscriptions/" + subscription.id() + "/resourceGroups");
        HttpResponse<String> page = browser.get(groupIam);
        HttpResponse<String> search = browser.get(groupIam + "?check_search=Max");
        HttpResponse<String> check = browser.get(groupIam + "?check=" + max.id());

        assertThat(groups.body()).contains("rg-web", groupIam);
        assertThat(page.body()).contains("Resource group rg-web", "Web team", "Inherited");
        assertThat(search.body()).contains("Max Morin");
        assertThat(check.body()).contains("Reader", "Through group Web team", "Inherited");
    }

    @Test
    @DisplayName("R14: a user without a role in the subscription is told it does not exist")
    void strangerGetsNotFound() {
        newUser("sam", "Sam Stranger");
        CookieClient browser = new CookieClient(server).signIn("sam@tailspin.onmicrosoft.test", PASSWORD);

        assertThat(browser.get(iam).statusCode()).isEqualTo(404);
        assertThat(browser.get("/portal/subscriptions/" + subscription.id() + "/activity")
                        .statusCode())
                .isEqualTo(404);
    }

    private static User newUser(String alias, String name) {
        return server.app().services().users().createUser(Caller.system(), tailspin, NewUser.of(name, alias, PASSWORD));
    }

    private static SubscriptionScope subscriptionScope() {
        return new SubscriptionScope(tailspin, subscription.id());
    }
}
