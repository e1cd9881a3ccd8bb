package dev.tenantry.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.access.RoleDefinition;
import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.app.Services;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.shared.Caller;
import dev.tenantry.testing.CookieClient;
import dev.tenantry.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * R11 in the portal: the subscription's "Change directory" tab and its confirmation over the real server, which answers
 * for members only until guests land (so no directory can be chosen, and any target is refused with its reason).
 */
class ChangeDirectoryPagesIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final String PASSWORD = "Tenantry!2026";
    private static final String ADMIN = "admin@contoso.onmicrosoft.test";
    private static final String OLIVIA = "olivia@contoso.onmicrosoft.test";
    private static final String BEA = "bea@northwind.onmicrosoft.test";

    private static String tab;
    private static String northwind;

    @BeforeAll
    static void directories() {
        Services services = server.app().services();
        CreatedDirectory contoso = services.tenants()
                .createDirectory("Contoso", "US", "contoso", NewUser.of("Ada Admin", "admin", PASSWORD));
        User admin = contoso.admin();
        User olivia = services.users()
                .createUser(Caller.system(), contoso.tenant().id(), NewUser.of("Olivia Owner", "olivia", PASSWORD));
        northwind = services.tenants()
                .createDirectory("Northwind", "NL", "northwind", NewUser.of("Bea Baker", "bea", PASSWORD))
                .tenant()
                .id()
                .toString();
        Caller.User adminCaller = new Caller.User(admin.tenantId(), admin.id());
        UUID subscription = services.subscriptions()
                .createCloudSubscription(adminCaller, "MS-AZR-0003P", "Contoso Dev", null)
                .id();
        services.access()
                .assign(
                        adminCaller,
                        new SubscriptionScope(contoso.tenant().id(), subscription),
                        UUID.randomUUID(),
                        RoleDefinition.OWNER,
                        olivia.id().value());
        tab = "/portal/subscriptions/" + subscription + "/changeDirectory";
    }

    @Test
    @DisplayName("R11: the account administrator's tab explains the move and that there is no other directory yet")
    void r11TabExplainsTheMove() {
        HttpResponse<String> page =
                new CookieClient(server).signIn(ADMIN, PASSWORD).get(tab);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("aria-current=\"page\">Change directory</a>")
                .contains("removes <strong>every role assignment and co-administrator</strong>")
                .contains("id=\"change-directory-none\"");
    }

    @Test
    @DisplayName("R11: an Owner who is not the account administrator sees why they cannot move it")
    void r11OwnerSeesTheRefusal() {
        HttpResponse<String> page =
                new CookieClient(server).signIn(OLIVIA, PASSWORD).get(tab);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(CookieClient.textOf(page.body(), "change-directory-refusal"))
                .contains("Only the subscription's account administrator");
    }

    @Test
    @DisplayName("R11: confirming a directory the administrator is not a user of shows the reason and the fix")
    void r11ConfirmingAnotherDirectoryIsRefused() {
        CookieClient browser = new CookieClient(server).signIn(ADMIN, PASSWORD);

        HttpResponse<String> confirm = browser.get(tab + "/confirm?targetTenantId=" + northwind);
        HttpResponse<String> posted = browser.submit(tab, tab, Map.of("targetTenantId", northwind));

        assertThat(confirm.statusCode()).isEqualTo(422);
        assertThat(confirm.body()).contains("invite you as a guest");
        assertThat(posted.statusCode()).isEqualTo(422);
    }

    @Test
    @DisplayName("R11, R14: a post without the CSRF token is refused; another directory's user finds no subscription")
    void r11CsrfAndIsolation() {
        HttpResponse<String> noToken =
                new CookieClient(server).signIn(ADMIN, PASSWORD).post(tab, Map.of("targetTenantId", northwind));
        HttpResponse<String> stranger =
                new CookieClient(server).signIn(BEA, PASSWORD).get(tab);

        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(stranger.statusCode()).isEqualTo(404);
    }
}
