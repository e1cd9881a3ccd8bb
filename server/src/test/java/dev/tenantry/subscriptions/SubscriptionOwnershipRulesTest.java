package dev.tenantry.subscriptions;

import static dev.tenantry.directory.DirectoryRoleTemplate.BILLING_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.access.RoleAssignment;
import dev.tenantry.access.RoleDefinition;
import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.directory.Tenant;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.UserId;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionOwnershipRulesTest {

    private final TestWorld world = TestWorld.create();
    private final TestDirectory contoso = TestDirectories.contoso().create(world);
    private final TestDirectory fabrikam = TestDirectories.fabrikam().create(world);

    private CloudSubscription cloudFor(Caller caller) {
        return world.subscriptions().createCloudSubscription(caller, "MS-AZR-0003P", "Dev", null);
    }

    private static List<Class<?>> componentTypes(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .<Class<?>>map(RecordComponent::getType)
                .toList();
    }

    @Test
    void r1CloudSubscriptionIsCreatedUnderExactlyOneDirectory() {
        CloudSubscription subscription = cloudFor(contoso.adminCaller());

        assertThat(subscription.tenantId()).isEqualTo(contoso.id());
        assertThat(world.clouds().byTenant(contoso.id())).containsExactly(subscription);
        assertThat(world.clouds().byTenant(fabrikam.id())).isEmpty();
    }

    @Test
    void r1SuiteSubscriptionIsCreatedUnderExactlyOneDirectory() {
        SuiteSubscription subscription =
                world.subscriptions().buySuiteSubscription(contoso.adminCaller(), "ENTERPRISEPACK", 5, true);

        assertThat(subscription.tenantId()).isEqualTo(contoso.id());
        assertThat(world.suites().byTenant(fabrikam.id())).isEmpty();
    }

    @Test
    void r1DirectoryHasNoPointerToASubscription() {
        List<Class<?>> types = componentTypes(Tenant.class);

        assertThat(types).noneMatch(type -> type.getPackageName().startsWith("dev.tenantry.subscriptions"));
        assertThat(Arrays.stream(Tenant.class.getRecordComponents()).map(RecordComponent::getName))
                .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).contains("subscription"));
    }

    @Test
    void r3CloudSubscriptionLandsInTheCallersHomeDirectory() {
        Caller.User member = fabrikam.member("alex");

        CloudSubscription subscription = cloudFor(member);

        assertThat(subscription.tenantId()).isEqualTo(fabrikam.id());
    }

    @Test
    void r3SuiteSubscriptionLandsInTheCallersHomeDirectory() {
        Caller.User billingAdmin = fabrikam.member("billing", BILLING_ADMINISTRATOR);

        SuiteSubscription subscription =
                world.subscriptions().buySuiteSubscription(billingAdmin, "O365_BUSINESS_ESSENTIALS", 3, false);

        assertThat(subscription.tenantId()).isEqualTo(fabrikam.id());
    }

    @Test
    void r4AccountAdministratorIsTheCaller() {
        Caller.User member = contoso.member("kelley");

        CloudSubscription subscription = cloudFor(member);

        assertThat(subscription.accountAdministrator()).isEqualTo(member.userId());
    }

    @Test
    void r4AccountAdministratorHoldsOwner() {
        Caller.User member = contoso.member("kelley");

        CloudSubscription subscription = cloudFor(member);

        SubscriptionScope scope = new SubscriptionScope(contoso.id(), subscription.id());
        assertThat(world.access().rolesOf(member, scope)).containsExactly(RoleDefinition.OWNER);
        assertThat(world.assignments().bySubscription(subscription.id()))
                .singleElement()
                .extracting(RoleAssignment::principalId)
                .isEqualTo(member.userId().value());
    }

    @Test
    void r5SuiteSubscriptionIsOwnedByTheDirectoryNotByAUser() {
        SuiteSubscription subscription =
                world.subscriptions().buySuiteSubscription(contoso.adminCaller(), "ENTERPRISEPACK", 5, false);

        assertThat(subscription.tenantId()).isEqualTo(contoso.id());
        assertThat(componentTypes(SuiteSubscription.class)).doesNotContain(UserId.class);
        assertThat(world.assignments().byPrincipal(contoso.admin().id().value()))
                .isEmpty();
    }
}
