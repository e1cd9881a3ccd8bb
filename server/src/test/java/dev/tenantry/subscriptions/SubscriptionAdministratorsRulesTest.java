package dev.tenantry.subscriptions;

import static dev.tenantry.subscriptions.AdministratorAssertions.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.access.AccessError;
import dev.tenantry.access.RoleAssignment;
import dev.tenantry.access.RoleDefinition;
import dev.tenantry.access.SubscriptionScope;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserPatch;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.UserId;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 10, R4: the classic administrators of a cloud subscription and who may change them. */
class SubscriptionAdministratorsRulesTest {

    private final TestWorld world = TestWorld.create();
    private final TestDirectory contoso = TestDirectories.contoso().create(world);
    private final TestDirectory fabrikam = TestDirectories.fabrikam().create(world);
    private final Caller.User owner = contoso.adminCaller();
    private final CloudSubscription subscription =
            world.subscriptions().createCloudSubscription(owner, "MS-AZR-0003P", "Dev", null);
    private final User jane = contoso.addUser("jane");
    private final User alex = contoso.addUser("alex");

    private SubscriptionAdministrators administrators() {
        return world.administrators();
    }

    private Map<UserId, String> roles() {
        return administrators().list(owner, subscription.id()).stream()
                .collect(Collectors.toMap(a -> a.user().id(), ClassicAdministrator::armRole));
    }

    private List<RoleDefinition> rolesOf(User user) {
        return AdministratorAssertions.rolesOf(world, subscription.id(), user);
    }

    @Test
    @DisplayName("R4: the account administrator is the service administrator by default, one row")
    void r4AccountAdministratorIsServiceAdministratorByDefault() {
        assertThat(administrators().list(owner, subscription.id()))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.user().id()).isEqualTo(contoso.admin().id());
                    assertThat(a.armRole()).isEqualTo("ServiceAdministrator;AccountAdministrator");
                });
    }

    @Test
    @DisplayName("R4: the account administrator makes another user service administrator, who then holds Owner")
    void r4ServiceAdministratorChangedHoldsOwner() {
        administrators().changeServiceAdministrator(owner, subscription.id(), jane.id());

        assertThat(roles())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        contoso.admin().id(), "AccountAdministrator",
                        jane.id(), "ServiceAdministrator"));
        assertThat(rolesOf(jane)).containsExactly(RoleDefinition.OWNER);
        assertThat(world.audits().all()).anyMatch(e -> e.activity().equals("Change service administrator"));
    }

    @Test
    @DisplayName(
            "R4: a replaced service administrator loses the Owner its role gave; naming the account administrator restores the default")
    void r4ReplacedServiceAdministratorLosesOwner() {
        administrators().changeServiceAdministrator(owner, subscription.id(), jane.id());

        administrators().changeServiceAdministrator(owner, subscription.id(), alex.id());
        administrators()
                .changeServiceAdministrator(
                        owner, subscription.id(), contoso.admin().id());

        assertThat(rolesOf(jane)).isEmpty();
        assertThat(rolesOf(alex)).isEmpty();
        assertThat(roles())
                .containsExactlyEntriesOf(Map.of(contoso.admin().id(), "ServiceAdministrator;AccountAdministrator"));
    }

    @Test
    @DisplayName("R4: only the account administrator changes the service administrator")
    void r4OnlyAccountAdministratorChangesServiceAdministrator() {
        administrators().changeServiceAdministrator(owner, subscription.id(), jane.id());
        Caller.User serviceAdministrator = TestDirectory.callerOf(jane);

        refused(
                () -> administrators().changeServiceAdministrator(serviceAdministrator, subscription.id(), alex.id()),
                SubscriptionError.NOT_ACCOUNT_ADMINISTRATOR);
    }

    @Test
    @DisplayName("R4: co-administrators are added by the account or the service administrator and hold Owner")
    void r4CoAdministratorsHoldOwner() {
        administrators().changeServiceAdministrator(owner, subscription.id(), jane.id());

        SubscriptionAdministrators.Added added =
                administrators().addCoAdministrator(TestDirectory.callerOf(jane), subscription.id(), alex.id());
        SubscriptionAdministrators.Added again =
                administrators().addCoAdministrator(owner, subscription.id(), alex.id());

        assertThat(added.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(roles()).containsEntry(alex.id(), "CoAdministrator");
        assertThat(rolesOf(alex)).containsExactly(RoleDefinition.OWNER);
    }

    @Test
    @DisplayName("R4: removing a co-administrator removes the Owner its role gave, not an Owner held before")
    void r4RemovingCoAdministratorRemovesItsOwner() {
        SubscriptionScope scope = new SubscriptionScope(contoso.id(), subscription.id());
        world.access().grantOwner(scope, jane.id().value());
        administrators().addCoAdministrator(owner, subscription.id(), jane.id());
        administrators().addCoAdministrator(owner, subscription.id(), alex.id());

        administrators().removeCoAdministrator(owner, subscription.id(), jane.id());
        administrators().removeCoAdministrator(owner, subscription.id(), alex.id());

        assertThat(rolesOf(jane)).containsExactly(RoleDefinition.OWNER);
        assertThat(rolesOf(alex)).isEmpty();
        assertThat(roles()).containsOnlyKeys(contoso.admin().id());
    }

    @Test
    @DisplayName("R4: removing a co-administrator who is the last Owner is refused, and nothing changes")
    void r4LastOwnerIsKept() {
        administrators().addCoAdministrator(owner, subscription.id(), jane.id());
        RoleAssignment adminOwner = world.assignments().bySubscription(subscription.id()).stream()
                .filter(a -> a.principalId().equals(contoso.admin().id().value()))
                .findFirst()
                .orElseThrow();
        world.access().remove(owner, new SubscriptionScope(contoso.id(), subscription.id()), adminOwner.id());
        Caller.User coAdministrator = TestDirectory.callerOf(jane);

        refused(
                () -> administrators().removeCoAdministrator(coAdministrator, subscription.id(), jane.id()),
                SubscriptionError.NOT_SUBSCRIPTION_ADMINISTRATOR);
        refused(
                () -> administrators().removeCoAdministrator(Caller.system(), subscription.id(), jane.id()),
                AccessError.LAST_OWNER);

        assertThat(roles()).containsEntry(jane.id(), "CoAdministrator");
        assertThat(rolesOf(jane)).containsExactly(RoleDefinition.OWNER);
    }

    @Test
    @DisplayName("R4: a caller who is neither account nor service administrator cannot add co-administrators")
    void r4OtherOwnersCannotAddCoAdministrators() {
        administrators().addCoAdministrator(owner, subscription.id(), jane.id());
        Caller.User coAdministrator = TestDirectory.callerOf(jane);

        refused(
                () -> administrators().addCoAdministrator(coAdministrator, subscription.id(), alex.id()),
                SubscriptionError.NOT_SUBSCRIPTION_ADMINISTRATOR);
    }

    @Test
    @DisplayName("R4, R14: a user of another directory cannot become an administrator")
    void r4UserOfAnotherDirectoryIsRefused() {
        UserId stranger = fabrikam.admin().id();

        refused(
                () -> administrators().addCoAdministrator(owner, subscription.id(), stranger),
                SubscriptionError.NOT_A_DIRECTORY_USER);
        refused(
                () -> administrators().changeServiceAdministrator(owner, subscription.id(), stranger),
                SubscriptionError.NOT_A_DIRECTORY_USER);
        refused(
                () -> administrators().addCoAdministrator(owner, subscription.id(), new UserId(UUID.randomUUID())),
                SubscriptionError.NOT_A_DIRECTORY_USER);
    }

    @Test
    @DisplayName("R14: another directory's user cannot see or change the administrators")
    void r14OtherDirectoryCannotReadAdministrators() {
        Caller.User stranger = fabrikam.adminCaller();

        refused(() -> administrators().list(stranger, subscription.id()), AccessError.SUBSCRIPTION_NOT_FOUND);
        refused(
                () -> administrators().addCoAdministrator(stranger, subscription.id(), jane.id()),
                AccessError.SUBSCRIPTION_NOT_FOUND);
    }

    @Test
    @DisplayName("R4: a disabled user cannot become an administrator")
    void r4DisabledUserIsRefused() {
        world.userService()
                .updateUser(
                        Caller.system(),
                        contoso.id(),
                        jane.id().toString(),
                        new UserPatch(null, null, null, null, false, null, null, null));

        refused(
                () -> administrators().addCoAdministrator(owner, subscription.id(), jane.id()),
                SubscriptionError.USER_DISABLED);
        refused(
                () -> administrators().changeServiceAdministrator(owner, subscription.id(), jane.id()),
                SubscriptionError.USER_DISABLED);
    }

    @Test
    @DisplayName("R4: the account administrator's classic role cannot be removed, nor the service administrator's")
    void r4AccountAndServiceAdministratorRolesAreFixed() {
        administrators().changeServiceAdministrator(owner, subscription.id(), jane.id());

        refused(
                () -> administrators()
                        .removeCoAdministrator(
                                owner, subscription.id(), contoso.admin().id()),
                SubscriptionError.ACCOUNT_ADMINISTRATOR_ROLE_FIXED);
        refused(
                () -> administrators().removeCoAdministrator(owner, subscription.id(), jane.id()),
                SubscriptionError.SERVICE_ADMINISTRATOR_ROLE_FIXED);
        refused(
                () -> administrators().addCoAdministrator(owner, subscription.id(), jane.id()),
                SubscriptionError.ALREADY_ADMINISTRATOR);
        refused(
                () -> administrators().removeCoAdministrator(owner, subscription.id(), alex.id()),
                SubscriptionError.NOT_A_CO_ADMINISTRATOR);
    }

    @Test
    @DisplayName("R4: a co-administrator made service administrator keeps one Owner and is listed once")
    void r4CoAdministratorBecomesServiceAdministrator() {
        administrators().addCoAdministrator(owner, subscription.id(), jane.id());

        administrators().changeServiceAdministrator(owner, subscription.id(), jane.id());

        assertThat(roles()).containsEntry(jane.id(), "ServiceAdministrator");
        assertThat(rolesOf(jane)).containsExactly(RoleDefinition.OWNER);
    }

    @Test
    @DisplayName("R11: removeAll forgets every classic administrator but the account administrator")
    void r11RemoveAllForForgetsClassicAdministrators() {
        administrators().changeServiceAdministrator(owner, subscription.id(), jane.id());
        administrators().addCoAdministrator(owner, subscription.id(), alex.id());

        world.transactions().run(() -> administrators().removeAll(subscription.id()));

        assertThat(roles())
                .containsExactlyEntriesOf(Map.of(contoso.admin().id(), "ServiceAdministrator;AccountAdministrator"));
    }
}
