package dev.tenantry.testing;

import static dev.tenantry.directory.DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.DirectoryRole;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.subscriptions.SignUp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Unit-test transactions roll the fakes back as the Jdbi store rolls its rows back. */
class DirectTransactionsTest {

    private final TestWorld world = TestWorld.create();
    private final TestDirectory contoso = TestDirectories.contoso().create(world);

    private void failAfter(Runnable writes) {
        assertThatThrownBy(() -> world.transactions().run(() -> {
                    writes.run();
                    throw new IllegalStateException("fails after writing");
                }))
                .hasMessage("fails after writing");
    }

    @Test
    @DisplayName("issue 8: a failure after writes inside a transaction leaves no trace in the fakes")
    void failureAfterWritesLeavesNoTrace() {
        DirectoryRole globalAdmins = world.roles().activate(contoso.id(), GLOBAL_ADMINISTRATOR);
        User megan = contoso.addUser("megan", GLOBAL_ADMINISTRATOR);

        failAfter(() -> {
            User kelley = contoso.addUser("kelley");
            world.roles().addMember(globalAdmins, kelley.id());
            TestDirectories.fabrikam().create(world);
            world.subscriptions().createCloudSubscription(contoso.adminCaller(), "MS-AZR-0044P", "Trial", null);
            world.users().delete(contoso.id(), megan.id());
        });

        assertThat(world.tenants().all()).containsExactly(contoso.tenant());
        assertThat(world.users().count()).isEqualTo(2);
        assertThat(world.users().findById(contoso.id(), megan.id())).contains(megan);
        assertThat(world.roles().members(globalAdmins))
                .containsExactlyInAnyOrder(contoso.admin().id(), megan.id());
        assertThat(world.clouds().all()).isEmpty();
        assertThat(world.assignments().byPrincipal(contoso.admin().id().value()))
                .isEmpty();
    }

    @Test
    @DisplayName("issue 8: work that completes keeps its writes")
    void completedWorkKeepsItsWrites() {
        world.transactions().run(() -> contoso.addUser("kelley"));

        assertThat(world.users().count()).isEqualTo(2);
    }

    @Test
    @DisplayName("issue 8: a nested transaction joins the outer one: its failure undoes the outer writes too")
    void nestedFailureUndoesTheOuterWrites() {
        failAfter(() -> {
            contoso.addUser("kelley");
            world.transactions().run(() -> contoso.addUser("megan"));
        });

        assertThat(world.users().count()).isEqualTo(1);
    }

    @Test
    @DisplayName(
            "issue 8: a nested failure the outer work catches is not rolled back on its own, as without savepoints")
    void caughtNestedFailureKeepsItsWritesWhenTheOuterCompletes() {
        world.transactions().run(() -> {
            try {
                world.transactions().run(() -> {
                    contoso.addUser("kelley");
                    throw new IllegalStateException("inner");
                });
            } catch (IllegalStateException expected) {
                // the outer work goes on
            }
        });

        assertThat(world.users().findByUpn("kelley@contoso.onmicrosoft.test")).isPresent();
    }

    @Test
    @DisplayName("issue 8: a sign-up refused after its directory was written leaves no directory, user or role")
    void signUpRefusedAfterTheDirectoryWasWrittenLeavesNothing() {
        SignUp tooFewSeats = new SignUp(
                "Northwind Traders",
                "northwind",
                "NL",
                NewUser.of("Nancy Davolio", "nancy", TestDirectories.PASSWORD),
                "O365_BUSINESS_PREMIUM",
                0,
                null);

        assertThatThrownBy(() -> world.subscriptions().signUp(tooFewSeats))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("invalid_seats"));

        assertThat(world.tenants().all()).containsExactly(contoso.tenant());
        assertThat(world.users().findByUpn("nancy@northwind.onmicrosoft.test")).isEmpty();
        assertThat(world.suites().all()).isEmpty();
        assertThat(world.tenantService().isDomainAvailable("northwind")).isTrue();
    }

    @Test
    @DisplayName("issue 8: transactions that guard no fake run the work and pass its failure on")
    void transactionsWithoutFakesPassTheFailureOn() {
        DirectTransactions none = new DirectTransactions();

        assertThat(none.inTransaction(() -> 42)).isEqualTo(42);
        assertThatThrownBy(() -> none.run(() -> {
                    throw new IllegalArgumentException("no");
                }))
                .hasMessage("no");
    }
}
