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
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 9 (R13) under load: an administrator removes seats while licences are being assigned, through the real
 * services over the server's database (H2, or PostgreSQL when {@code TENANTRY_TEST_PG_URL} is set). Both lock the
 * SKU's subscriptions, so the directory never ends up with more licences assigned than seats enabled.
 */
class SeatRemovalRaceIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final int SEATS = 20;
    private static final int REMOVED = 15;
    private static final int USERS = 10;
    private static final int ROUNDS = 8;
    private static final String SKU_ID = "f245ecc8-75af-4f8e-b61f-27d8114de5c3";

    @Test
    @DisplayName("issue 9 (R13): removing seats races 10 assignments; assigned never exceeds enabled, every round")
    void removingSeatsNeverLeavesMoreLicencesThanSeats() throws Exception {
        Services services = server.app().services();
        CreatedDirectory created = services.tenants()
                .createDirectory(
                        "Seat removal", "US", "seatremoval", NewUser.of("Admin", "admin", TestDirectories.PASSWORD));
        TenantId tenant = created.tenant().id();
        Caller.User admin = TestDirectory.callerOf(created.admin());
        SuiteSubscription subscription =
                services.subscriptions().buySuiteSubscription(admin, "O365_BUSINESS_PREMIUM", SEATS, false);
        List<User> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(services.users().createUser(Caller.system(), tenant, LicensedUsers.located("user" + i)));
        }

        ExecutorService threads = Executors.newFixedThreadPool(USERS + 1);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<String> results = race(threads, services, admin, tenant, subscription, users);

                SubscribedSku sku = services.subscriptions()
                        .subscribedSkus(Caller.system(), tenant)
                        .get(0);
                assertThat(sku.consumedUnits())
                        .as("round %d: %s", round, results)
                        .isLessThanOrEqualTo(sku.enabledUnits());
                assertThat(results.get(0)).isIn("removed", "seats_in_use");
                for (User user : users) {
                    services.licences().assignLicense(admin, tenant, user.id().toString(), List.of(), List.of(SKU_ID));
                }
                if (results.get(0).equals("removed")) {
                    services.suiteLifecycle().changeSeats(admin, tenant, subscription.id(), REMOVED);
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** The removal and every assignment at once; the outcome of each, the removal's first. */
    private static List<String> race(
            ExecutorService threads,
            Services services,
            Caller admin,
            TenantId tenant,
            SuiteSubscription subscription,
            List<User> users)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(users.size() + 1);
        List<Future<String>> outcomes = new ArrayList<>();
        outcomes.add(threads.submit(outcome(start, "removed", () -> services.suiteLifecycle()
                .changeSeats(admin, tenant, subscription.id(), -REMOVED))));
        for (User user : users) {
            outcomes.add(threads.submit(outcome(start, "assigned", () -> services.licences()
                    .assignLicense(
                            admin, tenant, user.id().toString(), List.of(new AddLicence(SKU_ID, null)), List.of()))));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        return results;
    }

    /** Waits for the others, does {@code work}: {@code done}, or the code of its refusal. */
    private static Callable<String> outcome(CyclicBarrier start, String done, Runnable work) {
        return () -> {
            start.await();
            try {
                work.run();
                return done;
            } catch (DomainException refused) {
                return refused.code();
            }
        };
    }
}
