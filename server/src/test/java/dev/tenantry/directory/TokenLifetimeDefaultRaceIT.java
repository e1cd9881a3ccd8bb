package dev.tenantry.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.app.Services;
import dev.tenantry.directory.apps.TokenLifetimePolicy;
import dev.tenantry.directory.apps.TokenLifetimePolicyService;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import dev.tenantry.testing.Races;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two administrators create their directory's organization-default token lifetime policy at the same moment, through
 * the real services over the server's database: whatever the interleaving, the directory has one default.
 */
class TokenLifetimeDefaultRaceIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final int REPETITIONS = 10;
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stopThreads() {
        THREADS.shutdownNow();
    }

    @Test
    @DisplayName("issue 11: racing creates of an organization default leave each directory exactly one")
    void racingDefaultsLeaveOne() throws Exception {
        Services services = server.app().services();
        TokenLifetimePolicyService policies = services.tokenLifetimePolicies();
        for (int i = 0; i < REPETITIONS; i++) {
            CreatedDirectory created = services.tenants()
                    .createDirectory(
                            "Race TLP " + i,
                            "US",
                            "racetlp-" + UUID.randomUUID().toString().substring(0, 8),
                            NewUser.of("Admin", "admin", TestDirectories.PASSWORD));
            TenantId tenant = created.tenant().id();
            Caller admin = TestDirectory.callerOf(created.admin());
            Races.race(
                    THREADS,
                    () -> policies.create(admin, tenant, orgDefault("02:00:00")),
                    () -> policies.create(admin, tenant, orgDefault("03:00:00")));
            assertThat(policies.list(admin, tenant).stream().filter(TokenLifetimePolicy::isOrganizationDefault))
                    .hasSize(1);
        }
    }

    private static TokenLifetimePolicyService.Draft orgDefault(String lifetime) {
        String definition = "{\"TokenLifetimePolicy\":{\"Version\":1,\"AccessTokenLifetime\":\"" + lifetime + "\"}}";
        return new TokenLifetimePolicyService.Draft(
                "Default " + lifetime,
                true,
                definition,
                Map.of("TokenLifetimePolicy", Map.of("Version", 1, "AccessTokenLifetime", lifetime)));
    }
}
