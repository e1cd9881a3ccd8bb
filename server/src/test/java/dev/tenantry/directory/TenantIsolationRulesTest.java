package dev.tenantry.directory;

import static dev.tenantry.directory.DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.subscriptions.CloudSubscription;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantIsolationRulesTest {

    private final TestWorld world = TestWorld.create();
    private final TestDirectory contoso = TestDirectories.contoso().create(world);
    private final TestDirectory fabrikam = TestDirectories.fabrikam().create(world);
    private final User kelley = contoso.addUser("kelley");
    private final Caller.User intruder = fabrikam.adminCaller();

    private CloudSubscription contosoSubscription() {
        return world.subscriptions().createCloudSubscription(contoso.adminCaller(), "MS-AZR-0044P", "Contoso", null);
    }

    @Test
    void r14UserOfAnotherDirectoryCannotGetAUser() {
        assertThatThrownBy(() -> world.userService()
                        .getUser(intruder, contoso.id(), kelley.id().toString()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void r14UserOfAnotherDirectoryCannotFindAUserByUpnThroughItsOwnDirectory() {
        assertThatThrownBy(() -> world.userService().getUser(intruder, fabrikam.id(), kelley.userPrincipalName()))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.code()).isEqualTo("user_not_found"));
    }

    @Test
    void r14UserOfAnotherDirectoryCannotListUsers() {
        assertThatThrownBy(
                        () -> world.userService().listUsers(intruder, contoso.id(), List.of(), PageRequest.first(10)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void r14UserOfAnotherDirectoryCannotUpdateAUser() {
        UserPatch rename = new UserPatch("Hacked", null, null, null, null, null, null, null);

        assertThatThrownBy(() -> world.userService()
                        .updateUser(intruder, contoso.id(), kelley.id().toString(), rename))
                .isInstanceOf(NotFoundException.class);
        assertThat(world.users()
                        .findById(contoso.id(), kelley.id())
                        .orElseThrow()
                        .displayName())
                .isEqualTo(kelley.displayName());
    }

    @Test
    void r14UserOfAnotherDirectoryCannotDeleteAUser() {
        assertThatThrownBy(() -> world.userService()
                        .deleteUser(intruder, contoso.id(), kelley.id().toString()))
                .isInstanceOf(NotFoundException.class);
        assertThat(world.users().findById(contoso.id(), kelley.id())).isPresent();
    }

    @Test
    void r14UserOfAnotherDirectoryCannotAssignRolesThere() {
        assertThatThrownBy(
                        () -> world.roleService().assignRole(intruder, contoso.id(), GLOBAL_ADMINISTRATOR, kelley.id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(world.roles().rolesOf(contoso.id(), kelley.id())).isEmpty();
    }

    @Test
    void r14UserOfAnotherDirectoryCannotReadACloudSubscription() {
        CloudSubscription subscription = contosoSubscription();

        assertThatThrownBy(() -> world.subscriptions().getCloudSubscription(intruder, subscription.id()))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.code()).isEqualTo("subscription_not_found"));
    }

    @Test
    void r14CloudSubscriptionOfAnotherDirectoryIsNotListed() {
        contosoSubscription();

        var visible = world.subscriptions().visibleCloudSubscriptions(intruder, PageRequest.first(10));

        assertThat(visible.items()).isEmpty();
    }

    @Test
    void r14RolesOfACallerOfAnotherDirectoryAreEmpty() {
        CloudSubscription subscription = contosoSubscription();

        var roles = world.access().rolesOf(intruder, new SubscriptionScope(contoso.id(), subscription.id()));

        assertThat(roles).isEmpty();
    }

    @Test
    void r14SuitePurchaseOfAnotherDirectorysAdminLandsInItsOwnDirectory() {
        var bought = world.subscriptions().buySuiteSubscription(intruder, "ENTERPRISEPACK", 5, false);

        assertThat(bought.tenantId()).isEqualTo(fabrikam.id());
        assertThat(world.suites().byTenant(contoso.id())).isEmpty();
    }

    @Test
    void r14SuiteSubscriptionsOfAnotherDirectoryCannotBeRead() {
        world.subscriptions().buySuiteSubscription(contoso.adminCaller(), "ENTERPRISEPACK", 5, false);

        assertThatThrownBy(() -> world.subscriptions().suiteSubscriptions(intruder, contoso.id()))
                .isInstanceOf(NotFoundException.class);
    }
}
