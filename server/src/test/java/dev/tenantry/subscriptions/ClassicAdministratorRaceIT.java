package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.access.RoleAssignment;
import dev.tenantry.access.RoleDefinition;
import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.app.Services;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.NewUser;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.UserId;
import dev.tenantry.testing.Races;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.TestBillingDetails;
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
 * Two co-administrators who are a subscription's only Owners are removed at the same moment, through the real services
 * over the server's database (H2, or PostgreSQL when {@code TENANTRY_TEST_PG_URL} is set): the subscription keeps an
 * Owner, because removing the classic role takes the subscription's lock before counting its Owners.
 */
class ClassicAdministratorRaceIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final int REPETITIONS = 20;
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stopThreads() {
        THREADS.shutdownNow();
    }

    private static Services services() {
        return server.app().services();
    }

    @Test
    @DisplayName("issue 10 (R4): removing the two co-administrators who are the only Owners at once leaves one Owner")
    void r4RemovingBothOwningCoAdministratorsLeavesAnOwner() throws Exception {
        int withoutOwner = 0;
        for (int i = 0; i < REPETITIONS; i++) {
            CreatedDirectory created = services()
                    .tenants()
                    .createDirectory(
                            "Race " + i,
                            "US",
                            "classic" + i + "-" + UUID.randomUUID().toString().substring(0, 8),
                            NewUser.of("Owner " + i, "owner", TestDirectories.PASSWORD));
            Caller.User accountAdministrator = TestDirectory.callerOf(created.admin());
            UUID subscription = services()
                    .subscriptions()
                    .createCloudSubscription(
                            accountAdministrator,
                            "MS-AZR-0044P",
                            "Race " + i,
                            TestBillingDetails.valid().build())
                    .id();
            UserId first = coAdministrator(created, subscription, "first");
            UserId second = coAdministrator(created, subscription, "second");
            SubscriptionScope scope = new SubscriptionScope(created.tenant().id(), subscription);
            RoleAssignment own = services()
                    .access()
                    .ownerAssignment(scope, created.admin().id().value())
                    .orElseThrow();
            services().access().remove(accountAdministrator, scope, own.id());

            Races.race(
                    THREADS,
                    () -> services()
                            .subscriptionAdministrators()
                            .removeCoAdministrator(accountAdministrator, subscription, first),
                    () -> services()
                            .subscriptionAdministrators()
                            .removeCoAdministrator(accountAdministrator, subscription, second));

            withoutOwner += services().access().list(Caller.system(), scope).stream()
                            .noneMatch(a -> a.role() == RoleDefinition.OWNER)
                    ? 1
                    : 0;
        }

        assertThat(withoutOwner).isZero();
    }

    private static UserId coAdministrator(CreatedDirectory created, UUID subscription, String alias) {
        UserId user = services()
                .users()
                .createUser(Caller.system(), created.tenant().id(), NewUser.of(alias, alias, TestDirectories.PASSWORD))
                .id();
        services().subscriptionAdministrators().addCoAdministrator(Caller.system(), subscription, user);
        return user;
    }
}
