package dev.tenantry.subscriptions;

import static dev.tenantry.directory.DirectoryRoleTemplate.BILLING_ADMINISTRATOR;
import static dev.tenantry.directory.DirectoryRoleTemplate.USER_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 9 (R5, R13): buying and removing seats of a suite subscription, never below the licences assigned. */
class SuiteSeatsRulesTest {

    private static final String PREMIUM = "f245ecc8-75af-4f8e-b61f-27d8114de5c3";

    private final TestWorld world = TestWorld.create();
    private final TestDirectory contoso = TestDirectories.contoso().create(world);

    private SuiteSubscription buy(int seats, boolean trial) {
        return world.subscriptions().buySuiteSubscription(contoso.adminCaller(), "O365_BUSINESS_PREMIUM", seats, trial);
    }

    private SuiteSubscription change(Caller caller, SuiteSubscription subscription, int change) {
        return world.services().suiteLifecycle().changeSeats(caller, contoso.id(), subscription.id(), change);
    }

    private void assignTo(String... aliases) {
        for (String alias : aliases) {
            LicensedUsers.licensed(world, contoso, alias, PREMIUM);
        }
    }

    private int enabledUnits() {
        return world.subscriptions()
                .subscribedSkus(Caller.system(), contoso.id())
                .get(0)
                .enabledUnits();
    }

    @Test
    @DisplayName("issue 9 (R5): a Global Administrator buys and removes seats; subscribedSkus counts them")
    void seatsAreBoughtAndRemoved() {
        SuiteSubscription paid = buy(10, false);

        assertThat(change(contoso.adminCaller(), paid, 5).seatsEnabled()).isEqualTo(15);
        assertThat(change(contoso.adminCaller(), paid, -12).seatsEnabled()).isEqualTo(3);
        assertThat(enabledUnits()).isEqualTo(3);
    }

    @Test
    @DisplayName("issue 9 (R13): removing below the licences assigned is refused, naming how many to unassign first")
    void removingBelowTheAssignedCountIsRefused() {
        SuiteSubscription paid = buy(5, false);
        assignTo("adele", "alex", "megan", "nestor");

        assertThatThrownBy(() -> change(contoso.adminCaller(), paid, -3))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(SubscriptionError.SEATS_IN_USE);
                    assertThat(e.getMessage())
                            .contains("4 licences of O365_BUSINESS_PREMIUM are assigned")
                            .contains("would leave 2")
                            .contains("Unassign 2 licences first");
                });
        assertThat(enabledUnits()).isEqualTo(5);
        assertThat(change(contoso.adminCaller(), paid, -1).seatsEnabled()).isEqualTo(4);
    }

    @Test
    @DisplayName("issue 9 (R13): the enabled seats of every subscription of the SKU count when removing")
    void seatsOfTheSameSkuElsewhereCount() {
        SuiteSubscription first = buy(3, false);
        SuiteSubscription second = buy(3, false);
        assignTo("adele", "alex", "megan", "nestor");

        assertThat(change(contoso.adminCaller(), first, -2).seats()).isEqualTo(1);
        assertThatThrownBy(() -> change(contoso.adminCaller(), second, -1))
                .hasMessageContaining("would leave 3")
                .hasMessageContaining("Unassign 1 licence first");
        assertThat(enabledUnits()).isEqualTo(4);
    }

    @Test
    @DisplayName("issue 9: seats stay within what the catalog allows a trial or a purchase")
    void seatsStayWithinTheCatalogLimits() {
        SuiteSubscription trial = buy(20, true);
        SuiteSubscription paid = buy(290, false);

        assertThatThrownBy(() -> change(contoso.adminCaller(), trial, 6))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(SubscriptionError.INVALID_SEATS));
        assertThatThrownBy(() -> change(contoso.adminCaller(), paid, 11)).hasMessageContaining("between 1 and 300");
        assertThat(change(contoso.adminCaller(), trial, 5).seats()).isEqualTo(25);
    }

    @Test
    @DisplayName("issue 9: a seat order is exactly one of add or remove, a whole number from 1")
    void aSeatOrderIsAddOrRemove() {
        assertThat(Seats.change(5, null)).isEqualTo(5);
        assertThat(Seats.change(null, 3)).isEqualTo(-3);
        for (Integer[] wrong : new Integer[][] {{null, null}, {1, 1}, {0, null}, {null, -2}}) {
            assertThatThrownBy(() -> Seats.change(wrong[0], wrong[1]))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.errorCode())
                            .isEqualTo(SubscriptionError.INVALID_SEAT_CHANGE));
        }
    }

    @Test
    @DisplayName("issue 9 (R6, R5): only a Global or Billing Administrator changes seats; nothing changes otherwise")
    void onlyBillingRolesChangeSeats() {
        SuiteSubscription paid = buy(10, false);

        assertThatThrownBy(() -> change(contoso.member("uadmin", USER_ADMINISTRATOR), paid, 1))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("Billing Administrator");
        assertThatThrownBy(() -> change(contoso.app("User.ReadWrite.All"), paid, 1))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(change(contoso.member("billing", BILLING_ADMINISTRATOR), paid, 1)
                        .seats())
                .isEqualTo(11);
    }

    @Test
    @DisplayName("issue 9 (R14): another directory's subscription, or none, is not found")
    void anotherDirectorysSubscriptionIsNotFound() {
        SuiteSubscription paid = buy(10, false);

        assertThat(change(contoso.adminCaller(), paid, 1).seats()).isEqualTo(11);
        TestDirectory fabrikam = TestDirectories.fabrikam().create(world);

        assertThatThrownBy(() -> world.services()
                        .suiteLifecycle()
                        .changeSeats(fabrikam.adminCaller(), fabrikam.id(), paid.id(), 1))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.services()
                        .suiteLifecycle()
                        .changeSeats(contoso.adminCaller(), contoso.id(), UUID.randomUUID(), 1))
                .isInstanceOf(NotFoundException.class);
    }
}
