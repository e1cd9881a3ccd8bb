package dev.tenantry.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.app.Services;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.FederatedCredentialService;
import dev.tenantry.directory.apps.NewFederatedCredential;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import dev.tenantry.testing.Races;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two administrators add the twentieth federated identity credential of one application at the same moment, through
 * the real services over the server's database: whatever the interleaving, it has at most twenty.
 */
class FederatedCredentialRaceIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final int REPETITIONS = 10;
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stopThreads() {
        THREADS.shutdownNow();
    }

    @Test
    @DisplayName("issue 11: racing creates never give an application more than twenty federated credentials")
    void racingCreatesKeepTheLimit() throws Exception {
        Services services = server.app().services();
        FederatedCredentialService credentials = services.keyCredentials().federated();
        CreatedDirectory created = services.tenants()
                .createDirectory(
                        "Race FIC",
                        "US",
                        "racefic-" + UUID.randomUUID().toString().substring(0, 8),
                        NewUser.of("Admin", "admin", TestDirectories.PASSWORD));
        TenantId tenant = created.tenant().id();
        Caller admin = TestDirectory.callerOf(created.admin());
        for (int i = 0; i < REPETITIONS; i++) {
            Application app = services.applications().createApplication(admin, tenant, "Race " + i);
            for (int n = 0; n < 19; n++) {
                credentials.create(admin, tenant, app.id(), credential("c" + n + "x"));
            }
            Races.race(
                    THREADS,
                    () -> credentials.create(admin, tenant, app.id(), credential("first")),
                    () -> credentials.create(admin, tenant, app.id(), credential("second")));
            assertThat(credentials.list(admin, tenant, app.id())).hasSize(20);
        }
    }

    private static NewFederatedCredential credential(String name) {
        return new NewFederatedCredential(name, "https://issuer.example", "subject-" + name, null, null);
    }
}
