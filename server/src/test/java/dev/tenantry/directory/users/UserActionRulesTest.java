package dev.tenantry.directory.users;

import static dev.tenantry.directory.DirectoryRoleTemplate.APPLICATION_ADMINISTRATOR;
import static dev.tenantry.directory.DirectoryRoleTemplate.BILLING_ADMINISTRATOR;
import static dev.tenantry.directory.DirectoryRoleTemplate.DIRECTORY_READERS;
import static dev.tenantry.directory.DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR;
import static dev.tenantry.directory.DirectoryRoleTemplate.GLOBAL_READER;
import static dev.tenantry.directory.DirectoryRoleTemplate.HELPDESK_ADMINISTRATOR;
import static dev.tenantry.directory.DirectoryRoleTemplate.LICENSE_ADMINISTRATOR;
import static dev.tenantry.directory.DirectoryRoleTemplate.USER_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserAction;
import dev.tenantry.directory.UserActionTable;
import dev.tenantry.directory.UserPatch;
import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 7.6: who may reset whose password, and disable, delete or change whom, as Entra's tables say. */
class UserActionRulesTest {

    private static final String NEW_PASSWORD = "Takeover!2026x";
    private static final UserPatch DISABLE = new UserPatch(null, null, null, null, false, null, null, null);
    private static final UserPatch RENAME = new UserPatch("Renamed", null, null, null, null, null, null, null);

    private final TestWorld world = TestWorld.create();
    private final TestDirectory contoso = TestDirectories.contoso().create(world);
    private final Caller.User userAdmin = contoso.member("uadmin", USER_ADMINISTRATOR);
    private final Caller.User helpdesk = contoso.member("helpdesk", HELPDESK_ADMINISTRATOR);

    @ParameterizedTest
    @EnumSource(
            value = DirectoryRoleTemplate.class,
            names = {
                "BILLING_ADMINISTRATOR",
                "APPLICATION_ADMINISTRATOR",
                "GLOBAL_ADMINISTRATOR",
                "LICENSE_ADMINISTRATOR"
            })
    @DisplayName("issue 7.6: a User Administrator cannot reset a privileged administrator's password")
    void userAdministratorCannotResetAPrivilegedPassword(DirectoryRoleTemplate role) {
        User target = contoso.addUser("target", role);

        assertThatThrownBy(() -> reset(userAdmin, target)).isInstanceOfSatisfying(AccessDeniedException.class, e -> {
            assertThat(e.code()).isEqualTo("role_required");
            assertThat(e.requiredRoles()).containsExactly("Global Administrator");
        });
        assertThat(world.passwords().matches(TestDirectories.PASSWORD, hash(target)))
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = DirectoryRoleTemplate.class,
            names = {"USER_ADMINISTRATOR", "HELPDESK_ADMINISTRATOR", "DIRECTORY_READERS"})
    @DisplayName("issue 7.6: a User Administrator resets the password of limited administrators")
    void userAdministratorResetsLimitedAdministrators(DirectoryRoleTemplate role) {
        User target = contoso.addUser("target", role);

        reset(userAdmin, target);

        assertThat(world.passwords().matches(NEW_PASSWORD, hash(target))).isTrue();
    }

    @Test
    @DisplayName("issue 7.6: a User Administrator cannot disable or delete a Billing Administrator")
    void userAdministratorCannotDisableOrDeleteABillingAdministrator() {
        User billing = contoso.addUser("billing", BILLING_ADMINISTRATOR);

        assertThatThrownBy(() -> world.userService().updateUser(userAdmin, contoso.id(), id(billing), DISABLE))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> world.userService().deleteUser(userAdmin, contoso.id(), id(billing)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(world.users()
                        .findById(contoso.id(), billing.id())
                        .orElseThrow()
                        .accountEnabled())
                .isTrue();
    }

    @Test
    @DisplayName("issue 7.6: a User Administrator still changes a Billing Administrator's profile, as in Entra")
    void userAdministratorChangesAPrivilegedProfile() {
        User billing = contoso.addUser("billing", BILLING_ADMINISTRATOR);

        User renamed = world.userService().updateUser(userAdmin, contoso.id(), id(billing), RENAME);

        assertThat(renamed.displayName()).isEqualTo("Renamed");
    }

    @Test
    @DisplayName("issue 7.6: a Helpdesk Administrator resets a plain user's password but not a User Administrator's")
    void helpdeskAdministratorResetsOnlyNonAdministrators() {
        User plain = contoso.addUser("plain");
        User other = contoso.addUser("other", USER_ADMINISTRATOR);

        reset(helpdesk, plain);

        assertThat(world.passwords().matches(NEW_PASSWORD, hash(plain))).isTrue();
        assertThatThrownBy(() -> reset(helpdesk, other))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.requiredRoles())
                        .containsExactly("Global Administrator", "User Administrator"));
    }

    @Test
    @DisplayName("issue 7.6: a Helpdesk Administrator cannot disable a user")
    void helpdeskAdministratorCannotDisable() {
        User plain = contoso.addUser("plain");

        assertThatThrownBy(() -> world.userService().updateUser(helpdesk, contoso.id(), id(plain), DISABLE))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @DisplayName("issue 7.6: an application with User.ReadWrite.All resets no password, not even a plain user's")
    void applicationResetsNoPassword() {
        Caller.App app = contoso.app("User.ReadWrite.All");
        User plain = contoso.addUser("plain");

        assertThatThrownBy(() -> reset(app, plain))
                .isInstanceOfSatisfying(
                        AccessDeniedException.class, e -> assertThat(e.code()).isEqualTo("role_required"));
        assertThatThrownBy(() -> reset(
                        app,
                        world.users().findById(contoso.id(), userAdmin.userId()).orElseThrow()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @DisplayName("issue 7.6: an application with User.ReadWrite.All disables a plain user but not an administrator")
    void applicationDisablesOnlyNonAdministrators() {
        Caller.App app = contoso.app("User.ReadWrite.All");
        User plain = contoso.addUser("plain");

        User disabled = world.userService().updateUser(app, contoso.id(), id(plain), DISABLE);

        assertThat(disabled.accountEnabled()).isFalse();
        assertThatThrownBy(() -> world.userService()
                        .updateUser(app, contoso.id(), userAdmin.userId().toString(), DISABLE))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> world.userService()
                        .deleteUser(app, contoso.id(), userAdmin.userId().toString()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @DisplayName("issue 7.6: a Global Administrator resets a Billing Administrator's password")
    void globalAdministratorResetsAnyone() {
        User billing = contoso.addUser("billing", BILLING_ADMINISTRATOR);

        reset(contoso.adminCaller(), billing);

        assertThat(world.passwords().matches(NEW_PASSWORD, hash(billing))).isTrue();
    }

    @Test
    @DisplayName("issue 7.6: the table follows Entra's rows for a user with several roles")
    void severalRolesNeedEveryRoleCovered() {
        Set<DirectoryRoleTemplate> readerAndBilling = Set.of(DIRECTORY_READERS, BILLING_ADMINISTRATOR);

        assertThat(UserActionTable.allowsUser(
                        Set.of(USER_ADMINISTRATOR), UserAction.RESET_PASSWORD, Set.of(DIRECTORY_READERS)))
                .isTrue();
        assertThat(UserActionTable.allowsUser(Set.of(USER_ADMINISTRATOR), UserAction.RESET_PASSWORD, readerAndBilling))
                .isFalse();
        assertThat(UserActionTable.allowsUser(Set.of(HELPDESK_ADMINISTRATOR), UserAction.DELETE, Set.of()))
                .isFalse();
        assertThat(UserActionTable.allowsUser(
                        Set.of(GLOBAL_READER, LICENSE_ADMINISTRATOR, APPLICATION_ADMINISTRATOR),
                        UserAction.RESET_PASSWORD,
                        Set.of()))
                .isFalse();
        assertThat(UserActionTable.rolesAllowing(UserAction.RESET_PASSWORD, Set.of()))
                .containsExactly(GLOBAL_ADMINISTRATOR, USER_ADMINISTRATOR, HELPDESK_ADMINISTRATOR);
        assertThat(UserActionTable.rolesAllowing(UserAction.DELETE, Set.of(GLOBAL_ADMINISTRATOR)))
                .containsExactly(GLOBAL_ADMINISTRATOR);
    }

    private void reset(Caller caller, User target) {
        world.userService().resetPassword(caller, contoso.id(), id(target), NEW_PASSWORD);
    }

    private String hash(User user) {
        return world.users().passwordHash(user.id()).orElseThrow();
    }

    private static String id(User user) {
        return user.id().toString();
    }
}
