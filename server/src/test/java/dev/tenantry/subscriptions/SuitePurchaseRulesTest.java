package dev.tenantry.subscriptions;

import static dev.tenantry.directory.DirectoryRoleTemplate.BILLING_ADMINISTRATOR;
import static dev.tenantry.directory.DirectoryRoleTemplate.GLOBAL_READER;
import static dev.tenantry.directory.DirectoryRoleTemplate.USER_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import org.junit.jupiter.api.Test;

class SuitePurchaseRulesTest {

    private final TestWorld world = TestWorld.create();
    private final TestDirectory contoso = TestDirectories.contoso().create(world);

    private SuiteSubscription buy(Caller caller) {
        return world.subscriptions().buySuiteSubscription(caller, "O365_BUSINESS_PREMIUM", 10, false);
    }

    private void assertRefusedNamingBillingRolesAndNothingCreated(Caller caller) {
        assertThatThrownBy(() -> buy(caller)).isInstanceOfSatisfying(AccessDeniedException.class, e -> {
            assertThat(e.code()).isEqualTo("role_required");
            assertThat(e.requiredRoles()).containsExactlyInAnyOrder("Global Administrator", "Billing Administrator");
            assertThat(e.getMessage()).contains("Global Administrator").contains("Billing Administrator");
        });
        assertThat(world.suites().all()).isEmpty();
    }

    @Test
    void r6GlobalAdministratorBuysASuiteSubscription() {
        SuiteSubscription bought = buy(contoso.adminCaller());

        assertThat(world.suites().byTenant(contoso.id())).containsExactly(bought);
        assertThat(bought.seatsEnabled()).isEqualTo(10);
    }

    @Test
    void r6BillingAdministratorBuysASuiteSubscription() {
        Caller.User billingAdmin = contoso.member("billing", BILLING_ADMINISTRATOR);

        SuiteSubscription bought = buy(billingAdmin);

        assertThat(world.suites().byTenant(contoso.id())).containsExactly(bought);
    }

    @Test
    void r6UserAdministratorIsRefusedNamingRolesAndCreatesNothing() {
        Caller.User userAdmin = contoso.member("uadmin", USER_ADMINISTRATOR);

        assertRefusedNamingBillingRolesAndNothingCreated(userAdmin);
    }

    @Test
    void r6GlobalReaderIsRefusedNamingRolesAndCreatesNothing() {
        Caller.User reader = contoso.member("reader", GLOBAL_READER);

        assertRefusedNamingBillingRolesAndNothingCreated(reader);
    }

    @Test
    void r6PlainUserIsRefusedNamingRolesAndCreatesNothing() {
        Caller.User member = contoso.member("kelley");

        assertRefusedNamingBillingRolesAndNothingCreated(member);
    }

    @Test
    void r6ApplicationIsRefusedAndCreatesNothing() {
        Caller.App app = contoso.app("Directory.ReadWrite.All");

        assertThatThrownBy(() -> buy(app)).isInstanceOf(AccessDeniedException.class);
        assertThat(world.suites().all()).isEmpty();
    }
}
