package dev.tenantry.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.access.AccessService;
import dev.tenantry.access.RoleAssignment;
import dev.tenantry.access.RoleDefinition;
import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserPatch;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.subscriptions.CloudSubscription;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.TestBillingDetails;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two administrators act on each other at the same moment, through the real services over the server's database
 * (H2, or PostgreSQL when {@code TENANTRY_TEST_PG_URL} is set). Whatever the interleaving, a directory keeps an enabled
 * Global Administrator and a subscription keeps an Owner.
 */
class LastAdministratorRaceIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final int REPETITIONS = 20;
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stopThreads() {
        THREADS.shutdownNow();
    }

    @Test
    @DisplayName("issue 7.3 (R8): two Global Administrators removing each other's role leave one")
    void globalAdministratorsRemovingEachOthersRoleLeaveOne() throws Exception {
        int withoutAdministrator = 0;
        for (int i = 0; i < REPETITIONS; i++) {
            Pair pair = twoGlobalAdministrators();
            race(
                    () -> services()
                            .directoryRoles()
                            .removeRole(
                                    pair.first(),
                                    pair.tenant(),
                                    globalAdmin(),
                                    pair.second().userId()),
                    () -> services()
                            .directoryRoles()
                            .removeRole(
                                    pair.second(),
                                    pair.tenant(),
                                    globalAdmin(),
                                    pair.first().userId()));
            withoutAdministrator += enabledGlobalAdministrators(pair.tenant()) == 0 ? 1 : 0;
        }

        assertThat(withoutAdministrator).isZero();
    }

    @Test
    @DisplayName("issue 7.3 (R8): two Global Administrators deleting each other's account leave one")
    void globalAdministratorsDeletingEachOtherLeaveOne() throws Exception {
        int withoutAdministrator = 0;
        for (int i = 0; i < REPETITIONS; i++) {
            Pair pair = twoGlobalAdministrators();
            race(
                    () -> services()
                            .users()
                            .deleteUser(
                                    pair.first(),
                                    pair.tenant(),
                                    pair.second().userId().toString()),
                    () -> services()
                            .users()
                            .deleteUser(
                                    pair.second(),
                                    pair.tenant(),
                                    pair.first().userId().toString()));
            withoutAdministrator += enabledGlobalAdministrators(pair.tenant()) == 0 ? 1 : 0;
        }

        assertThat(withoutAdministrator).isZero();
    }

    @Test
    @DisplayName("issue 7.3 (R8): two Global Administrators disabling each other leave one enabled")
    void globalAdministratorsDisablingEachOtherLeaveOneEnabled() throws Exception {
        UserPatch disable = new UserPatch(null, null, null, null, false, null, null, null);
        int withoutAdministrator = 0;
        for (int i = 0; i < REPETITIONS; i++) {
            Pair pair = twoGlobalAdministrators();
            race(
                    () -> services().users().updateUser(pair.first(), pair.tenant(), id(pair.second()), disable),
                    () -> services().users().updateUser(pair.second(), pair.tenant(), id(pair.first()), disable));
            withoutAdministrator += enabledGlobalAdministrators(pair.tenant()) == 0 ? 1 : 0;
        }

        assertThat(withoutAdministrator).isZero();
    }

    @Test
    @DisplayName("issue 7.3 (R4): two Owners removing each other's role assignment leave one")
    void ownersRemovingEachOthersAssignmentLeaveOne() throws Exception {
        AccessService access = services().access();
        int withoutOwner = 0;
        for (int i = 0; i < REPETITIONS; i++) {
            Pair pair = twoGlobalAdministrators();
            CloudSubscription subscription = services()
                    .subscriptions()
                    .createCloudSubscription(
                            pair.first(),
                            "MS-AZR-0044P",
                            "Race " + i,
                            TestBillingDetails.valid().build());
            SubscriptionScope scope = new SubscriptionScope(pair.tenant(), subscription.id());
            RoleAssignment firstOwner = access.list(pair.first(), scope).getFirst();
            RoleAssignment secondOwner = access.assign(
                            pair.first(),
                            scope,
                            UUID.randomUUID(),
                            RoleDefinition.OWNER,
                            pair.second().userId().value())
                    .assignment();
            race(
                    () -> access.remove(pair.first(), scope, secondOwner.id()),
                    () -> access.remove(pair.second(), scope, firstOwner.id()));
            withoutOwner +=
                    access.list(Caller.system(), scope).stream().noneMatch(a -> a.role() == RoleDefinition.OWNER)
                            ? 1
                            : 0;
        }

        assertThat(withoutOwner).isZero();
    }

    /** Runs both actions at once; a refusal by a rule is an expected outcome, anything else fails the test. */
    private static void race(Runnable first, Runnable second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<?>> runs =
                List.of(THREADS.submit(() -> act(start, first)), THREADS.submit(() -> act(start, second)));
        for (Future<?> run : runs) {
            run.get();
        }
    }

    private static Void act(CyclicBarrier start, Runnable action) throws Exception {
        start.await();
        try {
            action.run();
        } catch (DomainException refused) {
            // the loser of the race is told why; that is the point
        }
        return null;
    }

    private static Pair twoGlobalAdministrators() {
        int n = NEXT.incrementAndGet();
        CreatedDirectory created = services()
                .tenants()
                .createDirectory(
                        "Race " + n,
                        "US",
                        "race" + n + "-" + UUID.randomUUID().toString().substring(0, 8),
                        NewUser.of("First " + n, "first", TestDirectories.PASSWORD));
        TenantId tenant = created.tenant().id();
        User second = services()
                .users()
                .createUser(Caller.system(), tenant, NewUser.of("Second " + n, "second", TestDirectories.PASSWORD));
        services().directoryRoles().assignRole(Caller.system(), tenant, globalAdmin(), second.id());
        return new Pair(tenant, TestDirectory.callerOf(created.admin()), TestDirectory.callerOf(second));
    }

    private static long enabledGlobalAdministrators(TenantId tenant) {
        return services().directoryRoles().holdersOf(Caller.system(), tenant, Set.of(globalAdmin())).stream()
                .filter(User::accountEnabled)
                .count();
    }

    private static String id(Caller.User user) {
        return user.userId().toString();
    }

    private static DirectoryRoleTemplate globalAdmin() {
        return DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR;
    }

    private static Services services() {
        return server.app().services();
    }

    private record Pair(TenantId tenant, Caller.User first, Caller.User second) {}
}
