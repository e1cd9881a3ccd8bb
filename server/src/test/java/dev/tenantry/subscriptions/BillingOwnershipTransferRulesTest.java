package dev.tenantry.subscriptions;

import static dev.tenantry.subscriptions.AdministratorAssertions.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tenantry.access.RoleDefinition;
import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.directory.User;
import dev.tenantry.shared.Caller;
import dev.tenantry.testing.TestClock;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 10, R4: transferring a cloud subscription's billing ownership to another user of its directory. */
class BillingOwnershipTransferRulesTest {

    private final TestClock clock = new TestClock(TestWorld.NOW);
    private final TestWorld world = TestWorld.create(clock);
    private final TestDirectory contoso = TestDirectories.contoso().create(world);
    private final TestDirectory fabrikam = TestDirectories.fabrikam().create(world);
    private final Caller.User owner = contoso.adminCaller();
    private final CloudSubscription subscription =
            world.subscriptions().createCloudSubscription(owner, "MS-AZR-0003P", "Dev", null);
    private final User jane = contoso.addUser("jane");
    private final Caller.User janeCaller = TestDirectory.callerOf(jane);

    private BillingOwnershipTransfers transfers() {
        return world.billingTransfers();
    }

    private List<RoleDefinition> rolesOf(User user) {
        return AdministratorAssertions.rolesOf(world, subscription.id(), user);
    }

    @Test
    @DisplayName(
            "R4: the recipient accepts and becomes account administrator holding Owner; the sender keeps its RBAC roles")
    void r4AcceptedTransferMakesRecipientAccountAdministrator() {
        BillingTransfer transfer = transfers().start(owner, subscription.id(), jane.id());

        CloudSubscription after = transfers().accept(janeCaller, transfer.id());

        assertThat(after.accountAdministrator()).isEqualTo(jane.id());
        assertThat(rolesOf(jane)).containsExactly(RoleDefinition.OWNER);
        assertThat(rolesOf(contoso.admin())).containsExactly(RoleDefinition.OWNER);
        assertThat(world.administrators().list(janeCaller, subscription.id()))
                .singleElement()
                .satisfies(a -> assertThat(a.armRole()).isEqualTo("ServiceAdministrator;AccountAdministrator"));
        assertThat(world.audits().all()).anyMatch(e -> e.activity().equals("Accept billing ownership transfer"));
    }

    @Test
    @DisplayName("R4: a service administrator chosen explicitly stays one after the transfer")
    void r4ExplicitServiceAdministratorStays() {
        User alex = contoso.addUser("alex");
        world.administrators().changeServiceAdministrator(owner, subscription.id(), alex.id());
        BillingTransfer transfer = transfers().start(owner, subscription.id(), jane.id());

        transfers().accept(janeCaller, transfer.id());

        assertThat(world.administrators().list(janeCaller, subscription.id()))
                .extracting(a -> a.user().id(), ClassicAdministrator::armRole)
                .containsExactly(tuple(jane.id(), "AccountAdministrator"), tuple(alex.id(), "ServiceAdministrator"));
    }

    @Test
    @DisplayName("R4: only the named recipient accepts, once")
    void r4OnlyTheRecipientAcceptsOnce() {
        Caller.User alex = contoso.member("alex");
        BillingTransfer transfer = transfers().start(owner, subscription.id(), jane.id());

        refused(() -> transfers().accept(alex, transfer.id()), SubscriptionError.TRANSFER_NOT_FOUND);
        refused(() -> transfers().accept(owner, transfer.id()), SubscriptionError.TRANSFER_NOT_FOUND);
        refused(() -> transfers().accept(fabrikam.adminCaller(), transfer.id()), SubscriptionError.TRANSFER_NOT_FOUND);
        transfers().accept(janeCaller, transfer.id());
        refused(() -> transfers().accept(janeCaller, transfer.id()), SubscriptionError.TRANSFER_NOT_PENDING);
    }

    @Test
    @DisplayName("R4: a transfer expires after seven days")
    void r4TransferExpires() {
        BillingTransfer transfer = transfers().start(owner, subscription.id(), jane.id());

        clock.advance(Duration.ofDays(7));

        refused(() -> transfers().accept(janeCaller, transfer.id()), SubscriptionError.TRANSFER_NOT_PENDING);
        assertThat(transfers().pendingFor(janeCaller)).isEmpty();
        assertThat(world.clouds().findById(subscription.id()).orElseThrow().accountAdministrator())
                .isEqualTo(contoso.admin().id());
    }

    @Test
    @DisplayName("R4: the sender cancels a pending transfer; it can no longer be accepted")
    void r4SenderCancels() {
        BillingTransfer transfer = transfers().start(owner, subscription.id(), jane.id());
        assertThat(transfers().pendingFor(janeCaller)).hasSize(1);

        transfers().cancel(owner, transfer.id());

        refused(() -> transfers().accept(janeCaller, transfer.id()), SubscriptionError.TRANSFER_NOT_PENDING);
        assertThat(transfers().pendingFor(janeCaller)).isEmpty();
    }

    @Test
    @DisplayName("R4: only the account administrator transfers, to an enabled user of the directory, one at a time")
    void r4TransferRefusals() {
        world.access()
                .grantOwner(
                        new SubscriptionScope(contoso.id(), subscription.id()),
                        jane.id().value());

        refused(
                () -> transfers().start(janeCaller, subscription.id(), jane.id()),
                SubscriptionError.NOT_ACCOUNT_ADMINISTRATOR);
        refused(
                () -> transfers()
                        .start(owner, subscription.id(), fabrikam.admin().id()),
                SubscriptionError.NOT_A_DIRECTORY_USER);
        refused(
                () -> transfers()
                        .start(owner, subscription.id(), contoso.admin().id()),
                SubscriptionError.ALREADY_ADMINISTRATOR);
        transfers().start(owner, subscription.id(), jane.id());
        refused(() -> transfers().start(owner, subscription.id(), jane.id()), SubscriptionError.TRANSFER_PENDING);
    }
}
