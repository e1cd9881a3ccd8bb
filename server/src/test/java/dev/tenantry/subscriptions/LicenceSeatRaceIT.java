package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.app.Services;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.subscriptions.LicenceService.AddLicence;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * R13 under load: many administrators assign the last free seats at the same moment, through the real services over
 * the server's database (H2, or PostgreSQL when {@code TENANTRY_TEST_PG_URL} is set). Exactly as many succeed as there
 * are seats; every other one is refused with Graph's message.
 */
class LicenceSeatRaceIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final int SEATS = 25;
    private static final int ASSIGNMENTS = 50;
    /** Races of all users on the same seats, the licences removed between them: one interleaving may be lucky. */
    private static final int ROUNDS = 8;

    private static final String SKU_ID = "f245ecc8-75af-4f8e-b61f-27d8114de5c3";

    @Test
    @DisplayName("issue 9 (R13): 50 parallel assignments on 25 free seats give exactly 25 licences, every round")
    void parallelAssignmentsNeverOverAssignTheLastSeat() throws Exception {
        Services services = server.app().services();
        CreatedDirectory created = services.tenants()
                .createDirectory(
                        "Seat race",
                        "US",
                        "seatrace-" + UUID.randomUUID().toString().substring(0, 8),
                        NewUser.of("Admin", "admin", TestDirectories.PASSWORD));
        TenantId tenant = created.tenant().id();
        Caller.User admin = TestDirectory.callerOf(created.admin());
        services.subscriptions().buySuiteSubscription(admin, "O365_BUSINESS_PREMIUM", SEATS, false);
        List<User> users = new ArrayList<>();
        for (int i = 0; i < ASSIGNMENTS; i++) {
            users.add(services.users()
                    .createUser(
                            Caller.system(),
                            tenant,
                            new NewUser(
                                    "User " + i,
                                    "user" + i,
                                    TestDirectories.PASSWORD,
                                    null,
                                    null,
                                    null,
                                    true,
                                    "NL",
                                    null)));
        }

        ExecutorService threads = Executors.newFixedThreadPool(ASSIGNMENTS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<String> results = race(threads, services, admin, tenant, users);

                assertThat(results.stream().filter("assigned"::equals))
                        .as("round %d", round)
                        .hasSize(SEATS);
                assertThat(results.stream().filter("no_available_licenses"::equals))
                        .hasSize(ASSIGNMENTS - SEATS);
                assertThat(services.subscriptions().subscribedSkus(Caller.system(), tenant))
                        .singleElement()
                        .satisfies(sku -> assertThat(sku.consumedUnits()).isEqualTo(SEATS));
                for (User user : users) {
                    services.licences().assignLicense(admin, tenant, user.id().toString(), List.of(), List.of(SKU_ID));
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Every user is assigned the SKU at once; the outcome of each: {@code assigned} or the refusal's code. */
    private static List<String> race(
            ExecutorService threads, Services services, Caller admin, TenantId tenant, List<User> users)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(users.size());
        List<Future<String>> outcomes = new ArrayList<>();
        for (User user : users) {
            outcomes.add(threads.submit(() -> {
                start.await();
                try {
                    services.licences()
                            .assignLicense(
                                    admin,
                                    tenant,
                                    user.id().toString(),
                                    List.of(new AddLicence(SKU_ID, null)),
                                    List.of());
                    return "assigned";
                } catch (DomainException refused) {
                    return refused.code();
                }
            }));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        return results;
    }
}
