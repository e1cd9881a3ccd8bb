package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.access.RoleAssignment;
import dev.tenantry.access.RoleDefinition;
import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.app.Services;
import dev.tenantry.app.Stores;
import dev.tenantry.directory.Audit;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.DirectoryMemberships;
import dev.tenantry.directory.NewUser;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import dev.tenantry.testing.RunningServer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * R11 and R14 under concurrency, over the server's database (H2, or PostgreSQL with {@code TENANTRY_TEST_PG_URL}): a
 * role assignment made while the subscription moves to another directory never outlives the move in the old
 * directory, whichever commits first. The move runs through a {@link ChangeDirectoryService} over the server's stores
 * whose memberships say that the account administrator is a guest of the target (guests are another feature). The
 * same database shows what a move does to managed identities (issue 11).
 */
class ChangeDirectoryRaceIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final String PASSWORD = "Tenantry!2026";
    private static final int REPETITIONS = 20;
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(2);

    private static Caller.User kelley;
    private static Caller.User jane;
    private static TenantId fabrikam;
    private static Caller.User kelleyInFabrikam;
    private static ChangeDirectoryService changes;

    @BeforeAll
    static void directories() {
        Services services = server.app().services();
        Stores stores = services.stores();
        CreatedDirectory contoso = services.tenants()
                .createDirectory("Contoso", "US", "contoso", NewUser.of("Kelley Wall", "admin", PASSWORD));
        kelley = new Caller.User(contoso.tenant().id(), contoso.admin().id());
        jane = new Caller.User(
                contoso.tenant().id(),
                services.users()
                        .createUser(Caller.system(), contoso.tenant().id(), NewUser.of("Jane Doe", "jane", PASSWORD))
                        .id());
        CreatedDirectory target = services.tenants()
                .createDirectory("Fabrikam", "NL", "fabrikam", NewUser.of("Bea Baker", "admin", PASSWORD));
        fabrikam = target.tenant().id();
        UserId guest = services.users()
                .createUser(Caller.system(), fabrikam, NewUser.of("Kelley (guest)", "kelley_guest", PASSWORD))
                .id();
        DirectoryMemberships guests = new DirectoryMemberships() {
            @Override
            public Optional<UserId> userIn(TenantId tenantId, Caller.Account account) {
                return tenantId.equals(fabrikam) && account.equals(kelley.home())
                        ? Optional.of(guest)
                        : DirectoryMemberships.homeOnly().userIn(tenantId, account);
            }

            @Override
            public List<TenantId> directoriesOf(Caller.Account account) {
                return List.of(account.tenantId(), fabrikam);
            }
        };
        changes = new ChangeDirectoryService(
                services.subscriptions(),
                stores.cloudSubscriptions(),
                stores.roleAssignments(),
                services.access(),
                guests,
                CoAdministrators.none(),
                new ChangeDirectoryService.Directories(stores.tenants(), stores.users(), stores.applications()),
                new Audit(stores.audits(), stores.users(), Clock.systemUTC()),
                stores.transactions(),
                services.managedIdentities());
        kelleyInFabrikam = new Caller.User(fabrikam, guest, kelley.home(), Optional.empty());
    }

    @AfterAll
    static void stopThreads() {
        THREADS.shutdownNow();
    }

    @Test
    @DisplayName("R11, R14: a Reader assigned while the subscription moves never keeps a role in the old directory")
    void r11AssignmentRacingAMoveNeverOutlivesIt() throws Exception {
        Services services = server.app().services();
        int leftBehind = 0;
        for (int i = 0; i < REPETITIONS; i++) {
            UUID id = services.subscriptions()
                    .createCloudSubscription(kelley, "MS-AZR-0003P", "Race " + i, null)
                    .id();
            SubscriptionScope before = new SubscriptionScope(kelley.tenantId(), id);
            race(() -> changes.changeDirectory(kelley, id, fabrikam.toString()), () -> services.access()
                    .assign(
                            kelley,
                            before,
                            UUID.randomUUID(),
                            RoleDefinition.READER,
                            jane.userId().value()));
            List<RoleAssignment> after = services.stores().roleAssignments().bySubscription(id);
            leftBehind += after.stream().anyMatch(a -> !a.tenantId().equals(fabrikam)) ? 1 : 0;
            assertThat(services.stores()
                            .cloudSubscriptions()
                            .findById(id)
                            .orElseThrow()
                            .tenantId())
                    .isEqualTo(fabrikam);
        }

        assertThat(leftBehind).isZero();
        assertThat(services.subscriptions()
                        .visibleCloudSubscriptions(jane, new PageRequest(null, 100))
                        .items())
                .isEmpty();
    }

    @Test
    @DisplayName("R11 / issue 11: on the database, a move deletes the managed identities' principals in the old"
            + " directory; the host is enabled again in the new one")
    void r11MoveResetsManagedIdentitiesInTheDatabase() {
        Services services = server.app().services();
        UUID id = services.subscriptions()
                .createCloudSubscription(kelley, "MS-AZR-0003P", "With identities", null)
                .id();
        services.resourceGroups().createOrUpdate(kelley, id, "rg-app", "westeurope", Map.of());
        ManagedIdentity userAssigned = services.managedIdentities()
                .createOrUpdate(kelley, id, "rg-app", "id-app", "westeurope", Map.of())
                .identity();
        ManagedIdentity systemAssigned = host(kelley, id, List.of(userAssigned.resourceId()))
                .systemAssigned()
                .orElseThrow();

        changes.changeDirectory(kelley, id, fabrikam.toString());

        var applications = services.stores().applications();
        assertThat(applications.findServicePrincipal(kelley.tenantId(), systemAssigned.principalId()))
                .isEmpty();
        assertThat(applications.findServicePrincipal(kelley.tenantId(), userAssigned.principalId()))
                .isEmpty();
        assertThat(services.computeHosts()
                        .get(kelleyInFabrikam, id, "rg-app", "web-1")
                        .identities())
                .isEmpty();
        ManagedIdentity again =
                host(kelleyInFabrikam, id, List.of()).systemAssigned().orElseThrow();
        assertThat(again.tenantId()).isEqualTo(fabrikam);
        assertThat(applications.findServicePrincipal(fabrikam, again.principalId()))
                .isPresent();
    }

    private static ComputeHostService.HostView host(Caller caller, UUID subscriptionId, List<String> userAssigned) {
        return server.app()
                .services()
                .computeHosts()
                .createOrUpdate(
                        caller,
                        subscriptionId,
                        "rg-app",
                        "web-1",
                        "westeurope",
                        Map.of(),
                        new ComputeHostService.IdentityRequest(true, userAssigned))
                .host();
    }

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
            // the assignment that comes after the move finds no subscription in the old directory: that is the point
        }
        return null;
    }
}
