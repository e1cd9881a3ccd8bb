package dev.tenantry.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.app.Services;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.groups.NewGroup;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import dev.tenantry.testing.CookieClient;
import dev.tenantry.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 9: the admin center's audit log, over HTTPS. */
class AuditPagesIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final String PASSWORD = "Tenantry!2026";
    private static final String ADMIN = "admin@auditpages.onmicrosoft.test";

    @BeforeAll
    static void directory() {
        Services services = server.app().services();
        var created = services.tenants()
                .createDirectory("Audit pages", "US", "auditpages", NewUser.of("Ava Admin", "admin", PASSWORD));
        TenantId tenant = created.tenant().id();
        Caller.User admin = new Caller.User(tenant, created.admin().id());
        services.users().createUser(Caller.system(), tenant, NewUser.of("Pia Plain", "pia", PASSWORD));
        for (int i = 0; i < 55; i++) {
            services.groups()
                    .create(
                            admin,
                            tenant,
                            new NewGroup("Team " + i, null, "team" + i, false, true, List.of(), null, null, null));
        }
    }

    @Test
    @DisplayName("issue 9: the audit log lists changes newest first with who made them, 50 to a page, by category")
    void auditLogListsChanges() {
        CookieClient browser = new CookieClient(server).signIn(ADMIN, PASSWORD);

        HttpResponse<String> first = browser.get("/admin/audit");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Add group", "Team 54", ADMIN, "GroupManagement");
        assertThat(CookieClient.all(first.body(), "<td>(Add group)</td>")).hasSize(50);
        String next = CookieClient.all(first.body(), "id=\"next-page\" href=\"([^\"]+)\"")
                .get(0)
                .replace("&amp;", "&");
        HttpResponse<String> second = browser.get(next);
        assertThat(CookieClient.all(second.body(), "<td>(Add group)</td>")).hasSize(5);
        assertThat(second.body()).contains("Team 0").doesNotContain("next-page");
        assertThat(browser.get("/admin/audit?category=DirectoryManagement").body())
                .contains("id=\"no-entries\"");
        assertThat(browser.get("/admin/audit?category=Nonsense").statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("issue 9: a member without an administrator role is refused the audit log, naming the roles")
    void membersAreRefused() {
        HttpResponse<String> refused = new CookieClient(server)
                .signIn("pia@auditpages.onmicrosoft.test", PASSWORD)
                .get("/admin/audit");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Global Administrator");
    }
}
