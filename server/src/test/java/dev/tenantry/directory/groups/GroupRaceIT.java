package dev.tenantry.directory.groups;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.app.Services;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.Group;
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
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 9 under load, through the real services over the server's database (H2, or PostgreSQL when
 * {@code TENANTRY_TEST_PG_URL} is set): two opposite nestings never both succeed (no cycle), and groups licensed at
 * the same moment never take more seats than there are.
 */
class GroupRaceIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final String SKU_ID = "f245ecc8-75af-4f8e-b61f-27d8114de5c3";

    private static Services services;
    private static TenantId tenant;
    private static Caller.User admin;

    @BeforeAll
    static void directory() {
        services = server.app().services();
        CreatedDirectory created = services.tenants()
                .createDirectory(
                        "Group race",
                        "US",
                        "grouprace-" + UUID.randomUUID().toString().substring(0, 8),
                        NewUser.of("Admin", "admin", TestDirectories.PASSWORD));
        tenant = created.tenant().id();
        admin = TestDirectory.callerOf(created.admin());
    }

    private static Group group(String name, List<User> members) {
        return services.groups()
                .create(
                        admin,
                        tenant,
                        new NewGroup(
                                name,
                                null,
                                name,
                                false,
                                true,
                                List.of(),
                                null,
                                members.stream().map(u -> u.id().toString()).toList(),
                                null));
    }

    private static List<String> race(List<Callable<Void>> changes) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(changes.size());
        try {
            CyclicBarrier start = new CyclicBarrier(changes.size());
            List<Future<String>> outcomes = new ArrayList<>();
            for (Callable<Void> change : changes) {
                outcomes.add(threads.submit(() -> {
                    start.await();
                    try {
                        change.call();
                        return "done";
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
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    @DisplayName("issue 9: A into B and B into A at the same moment: exactly one succeeds, 20 times over")
    void oppositeNestingsNeverBothSucceed() throws Exception {
        for (int round = 0; round < 20; round++) {
            Group a = group("a" + round, List.of());
            Group b = group("b" + round, List.of());

            List<String> results = race(List.of(
                    () -> {
                        services.groups().addMember(admin, tenant, a.id().toString(), b.id().toString());
                        return null;
                    },
                    () -> {
                        services.groups().addMember(admin, tenant, b.id().toString(), a.id().toString());
                        return null;
                    }));

            assertThat(results).as("round %d", round).containsExactlyInAnyOrder("done", "group_membership_cycle");
        }
    }

    @Test
    @DisplayName("issue 9 (R13): two groups of 20 licensed at once on 25 seats: 25 members licensed, 15 in error")
    void groupsLicensedAtOnceNeverOverAssign() throws Exception {
        services.subscriptions().buySuiteSubscription(admin, "O365_BUSINESS_PREMIUM", 25, false);
        List<Group> groups = new ArrayList<>();
        for (int g = 0; g < 2; g++) {
            List<User> members = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                members.add(services.users()
                        .createUser(
                                Caller.system(),
                                tenant,
                                new NewUser(
                                        "User " + g + "-" + i,
                                        "user" + g + "x" + i,
                                        TestDirectories.PASSWORD,
                                        null,
                                        null,
                                        null,
                                        true,
                                        "NL",
                                        null)));
            }
            groups.add(group("licensed" + g, members));
        }

        race(groups.stream()
                .<Callable<Void>>map(group -> () -> {
                    services.licences()
                            .assignGroupLicense(
                                    admin,
                                    tenant,
                                    group.id().toString(),
                                    List.of(new AddLicence(SKU_ID, null)),
                                    List.of());
                    return null;
                })
                .toList());

        assertThat(services.subscriptions().subscribedSkus(Caller.system(), tenant))
                .singleElement()
                .satisfies(sku -> assertThat(sku.consumedUnits()).isEqualTo(25));
        int inError = groups.stream()
                .mapToInt(group -> services.licences()
                        .membersWithLicenseErrors(admin, tenant, group.id().toString())
                        .size())
                .sum();
        assertThat(inError).isEqualTo(15);
    }
}
