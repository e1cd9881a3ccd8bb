package dev.tenantry.directory.roles;

import static dev.tenantry.directory.DirectoryRoleTemplate.BILLING_ADMINISTRATOR;
import static dev.tenantry.directory.DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR;
import static dev.tenantry.directory.DirectoryRoleTemplate.USER_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.User;
import dev.tenantry.directory.UserPatch;
import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.RuleViolationException;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DirectoryRoleRulesTest {

    private static final UserPatch DISABLE = new UserPatch(null, null, null, null, false, null, null, null);

    private final TestWorld world = TestWorld.create();
    private final TestDirectory contoso = TestDirectories.contoso().create(world);
    private final User kelley = contoso.addUser("kelley");

    @Test
    void r10RolesOfShowsTheRoleAGlobalAdministratorAssigned() {
        world.roleService().assignRole(contoso.adminCaller(), contoso.id(), BILLING_ADMINISTRATOR, kelley.id());

        var roles = world.roleService().rolesOf(contoso.adminCaller(), contoso.id(), kelley.id());

        assertThat(roles).containsExactly(BILLING_ADMINISTRATOR);
    }

    @Test
    void r10AnyMemberSeesAnotherUsersRoles() {
        Caller.User member = TestDirectory.callerOf(kelley);

        var roles = world.roleService()
                .rolesOf(member, contoso.id(), contoso.admin().id());

        assertThat(roles).containsExactly(GLOBAL_ADMINISTRATOR);
    }

    @Test
    void r10UserAdministratorCannotAssignRoles() {
        Caller.User userAdmin = contoso.member("uadmin", USER_ADMINISTRATOR);

        assertThatThrownBy(() ->
                        world.roleService().assignRole(userAdmin, contoso.id(), BILLING_ADMINISTRATOR, kelley.id()))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                    assertThat(e.code()).isEqualTo("role_required");
                    assertThat(e.requiredRoles()).containsExactly("Global Administrator");
                });
        assertThat(world.roles().rolesOf(contoso.id(), kelley.id())).isEmpty();
    }

    @Test
    void r10LastGlobalAdministratorCannotBeRemoved() {
        User admin = contoso.admin();

        assertThatThrownBy(() -> world.roleService()
                        .removeRole(contoso.adminCaller(), contoso.id(), GLOBAL_ADMINISTRATOR, admin.id()))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("last_global_administrator"));
        assertThat(world.roles().rolesOf(contoso.id(), admin.id())).containsExactly(GLOBAL_ADMINISTRATOR);
    }

    @Test
    void r10GlobalAdministratorCanBeRemovedWhileAnotherRemains() {
        world.roleService().assignRole(contoso.adminCaller(), contoso.id(), GLOBAL_ADMINISTRATOR, kelley.id());

        world.roleService()
                .removeRole(
                        contoso.adminCaller(),
                        contoso.id(),
                        GLOBAL_ADMINISTRATOR,
                        contoso.admin().id());

        assertThat(world.roles().rolesOf(contoso.id(), contoso.admin().id())).isEmpty();
        assertThat(world.roles().rolesOf(contoso.id(), kelley.id())).containsExactly(GLOBAL_ADMINISTRATOR);
    }

    @Test
    void r10UserAdministratorCannotResetAGlobalAdministratorsPassword() {
        Caller.User userAdmin = contoso.member("uadmin", USER_ADMINISTRATOR);
        String admin = contoso.admin().id().toString();

        assertThatThrownBy(() -> world.userService().resetPassword(userAdmin, contoso.id(), admin, "Takeover!2026x"))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.requiredRoles())
                        .containsExactly("Global Administrator"));
    }

    @Test
    void r10UserAdministratorCannotDeleteAGlobalAdministrator() {
        Caller.User userAdmin = contoso.member("uadmin", USER_ADMINISTRATOR);
        String admin = contoso.admin().id().toString();

        assertThatThrownBy(() -> world.userService().deleteUser(userAdmin, contoso.id(), admin))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(world.userService().getUser(Caller.system(), contoso.id(), admin))
                .isNotNull();
    }

    @Test
    void r10UserAdministratorDeletesAPlainUser() {
        Caller.User userAdmin = contoso.member("uadmin", USER_ADMINISTRATOR);

        world.userService().deleteUser(userAdmin, contoso.id(), kelley.id().toString());

        assertThat(world.roles().rolesOf(contoso.id(), kelley.id())).isEmpty();
        assertThatThrownBy(() -> world.userService()
                        .getUser(Caller.system(), contoso.id(), kelley.id().toString()))
                .isInstanceOf(dev.tenantry.shared.NotFoundException.class);
    }

    @Test
    @DisplayName("issue 7.3: the last Global Administrator's account cannot be deleted")
    void lastGlobalAdministratorCannotBeDeleted() {
        world.roleService().assignRole(contoso.adminCaller(), contoso.id(), GLOBAL_ADMINISTRATOR, kelley.id());
        world.roleService().removeRole(contoso.adminCaller(), contoso.id(), GLOBAL_ADMINISTRATOR, kelley.id());

        assertThatThrownBy(() -> world.userService()
                        .deleteUser(
                                Caller.system(),
                                contoso.id(),
                                contoso.admin().id().toString()))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("last_global_administrator"));
        assertThat(world.users().findById(contoso.id(), contoso.admin().id())).isPresent();
    }

    @Test
    @DisplayName("issue 7.3 (low): the only Global Administrator cannot disable itself")
    void onlyGlobalAdministratorCannotDisableItself() {
        String admin = contoso.admin().id().toString();

        assertThatThrownBy(() -> world.userService().updateUser(contoso.adminCaller(), contoso.id(), admin, DISABLE))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("last_global_administrator"));
        assertThat(world.users()
                        .findById(contoso.id(), contoso.admin().id())
                        .orElseThrow()
                        .accountEnabled())
                .isTrue();
    }

    @Test
    @DisplayName("issue 7.3: a disabled Global Administrator does not count as the one that remains")
    void disabledGlobalAdministratorDoesNotCount() {
        world.roleService().assignRole(contoso.adminCaller(), contoso.id(), GLOBAL_ADMINISTRATOR, kelley.id());
        world.userService()
                .updateUser(contoso.adminCaller(), contoso.id(), kelley.id().toString(), DISABLE);

        assertThatThrownBy(() -> world.roleService()
                        .removeRole(
                                Caller.system(),
                                contoso.id(),
                                GLOBAL_ADMINISTRATOR,
                                contoso.admin().id()))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("last_global_administrator"));
    }

    @Test
    @DisplayName("issue 7.3: a Global Administrator is disabled while another remains enabled")
    void globalAdministratorIsDisabledWhileAnotherRemains() {
        world.roleService().assignRole(contoso.adminCaller(), contoso.id(), GLOBAL_ADMINISTRATOR, kelley.id());

        User disabled = world.userService()
                .updateUser(contoso.adminCaller(), contoso.id(), kelley.id().toString(), DISABLE);

        assertThat(disabled.accountEnabled()).isFalse();
    }
}
