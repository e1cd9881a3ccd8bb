package dev.tenantry.directory.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.Group;
import dev.tenantry.directory.User;
import dev.tenantry.directory.apps.AppRole.MemberType;
import dev.tenantry.directory.apps.AppRoleService.PrincipalKind;
import dev.tenantry.directory.groups.NewGroup;
import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("issue 11: app roles, their assignments and the roles a user holds on an app")
class AppRoleServiceTest {

    final TestWorld world = TestWorld.create();
    final TestDirectory contoso = TestDirectories.contoso().create(world);
    final TestDirectory fabrikam = TestDirectories.fabrikam().create(world);
    final ApplicationService applications = world.services().applications();
    final AppRoleService appRoles = applications.appRoles();
    final Caller admin = contoso.adminCaller();

    final AppRole reader = role("Orders.Read", true, MemberType.USER);
    final AppRole writer = role("Orders.Write", true, MemberType.USER, MemberType.APPLICATION);
    final AppRole daemon = role("Orders.Sync", true, MemberType.APPLICATION);

    static AppRole role(String value, boolean enabled, MemberType... types) {
        return new AppRole(UUID.randomUUID(), List.of(types), "Can " + value, value, enabled, value);
    }

    /** An app registration with {@code roles} and its service principal. */
    ServicePrincipal app(TestDirectory directory, AppRole... roles) {
        Application app = applications.createApplication(directory.adminCaller(), directory.id(), "Orders");
        appRoles.setAppRoles(directory.adminCaller(), directory.id(), app.id(), List.of(roles));
        return applications.createServicePrincipal(directory.adminCaller(), directory.id(), app.appId());
    }

    Group group(String name) {
        return world.groupService()
                .create(
                        admin,
                        contoso.id(),
                        new NewGroup(name, null, name.replace(" ", ""), false, true, null, null, null, null));
    }

    static void refusedWith(Enum<?> code, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code())
                .isEqualTo(code.name().toLowerCase(java.util.Locale.ROOT)));
    }

    @Test
    void appRolesAreStoredInOrderAndTheServicePrincipalExposesThem() {
        ServicePrincipal sp = app(contoso, reader, writer);

        Application app = applications.findClient(sp.appId()).orElseThrow();
        assertThat(appRoles.appRoles(admin, contoso.id(), app.id())).containsExactly(reader, writer);
        assertThat(appRoles.appRolesOf(sp)).containsExactly(reader, writer);
    }

    @Test
    void valuesMustBeUniqueAndWellFormed() {
        Application app = applications.createApplication(admin, contoso.id(), "Orders");
        AppRole twin = new AppRole(UUID.randomUUID(), List.of(MemberType.USER), null, null, true, "Orders.Read");

        refusedWith(
                AppRoleError.INVALID_APP_ROLE,
                () -> appRoles.setAppRoles(admin, contoso.id(), app.id(), List.of(reader, twin)));
        refusedWith(
                AppRoleError.INVALID_APP_ROLE,
                () -> appRoles.setAppRoles(
                        admin, contoso.id(), app.id(), List.of(role("has space", true, MemberType.USER))));
        refusedWith(
                AppRoleError.INVALID_APP_ROLE,
                () -> appRoles.setAppRoles(
                        admin, contoso.id(), app.id(), List.of(role(".dot", true, MemberType.USER))));
        refusedWith(
                AppRoleError.INVALID_APP_ROLE,
                () -> appRoles.setAppRoles(admin, contoso.id(), app.id(), List.of(role("NoTypes", true))));
        assertThat(appRoles.appRoles(admin, contoso.id(), app.id())).isEmpty();
    }

    @Test
    void anEnabledRoleMustBeDisabledBeforeItIsRemoved() {
        ServicePrincipal sp = app(contoso, reader, writer);
        UUID appObjectId = applications.findClient(sp.appId()).orElseThrow().id();

        refusedWith(
                AppRoleError.APP_ROLE_STILL_ENABLED,
                () -> appRoles.setAppRoles(admin, contoso.id(), appObjectId, List.of(writer)));
        AppRole disabled = new AppRole(
                reader.id(),
                reader.allowedMemberTypes(),
                reader.description(),
                reader.displayName(),
                false,
                "Orders.Read");
        appRoles.setAppRoles(admin, contoso.id(), appObjectId, List.of(disabled, writer));
        appRoles.setAppRoles(admin, contoso.id(), appObjectId, List.of(writer));

        assertThat(appRoles.appRolesOf(sp)).containsExactly(writer);
    }

    @Test
    void rolesReachAUserDirectlyAndThroughGroupsItIsADirectMemberOfButNotNestedOnes() {
        ServicePrincipal sp = app(contoso, reader, writer);
        User alice = contoso.addUser("alice");
        Group direct = group("Order clerks");
        Group outer = group("All staff");
        world.groupService()
                .addMember(
                        admin, contoso.id(), direct.id().toString(), alice.id().toString());
        world.groupService()
                .addMember(
                        admin, contoso.id(), outer.id().toString(), direct.id().toString());

        appRoles.assign(admin, contoso.id(), alice.id().value(), PrincipalKind.USER, sp.id(), reader.id());
        appRoles.assign(admin, contoso.id(), direct.id(), PrincipalKind.GROUP, sp.id(), writer.id());
        // alice is in "All staff" only through "Order clerks": Entra does not expand nested groups for app roles
        appRoles.assign(admin, contoso.id(), outer.id(), PrincipalKind.GROUP, sp.id(), writer.id());

        assertThat(appRoles.rolesOf(contoso.id(), alice.id().value(), sp.id()))
                .containsExactly("Orders.Read", "Orders.Write");
        assertThat(appRoles.assignedTo(admin, contoso.id(), sp.id()))
                .extracting(AssignedAppRole::principalType)
                .containsExactlyInAnyOrder("User", "Group", "Group");
        assertThat(appRoles.assignmentsOf(admin, contoso.id(), alice.id().value(), PrincipalKind.USER))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.principalDisplayName()).isEqualTo(alice.displayName());
                    assertThat(a.resourceDisplayName()).isEqualTo("Orders");
                });
    }

    @Test
    void onlyAnEnabledRoleForThatKindOfPrincipalCanBeAssigned() {
        ServicePrincipal sp = app(contoso, reader, daemon, role("Old", false, MemberType.USER));
        ServicePrincipal client = app(contoso);
        User alice = contoso.addUser("alice");
        UUID disabled = appRoles.appRolesOf(sp).get(2).id();

        refusedWith(
                AppRoleError.APP_ROLE_NOT_ASSIGNABLE,
                () -> appRoles.assign(
                        admin, contoso.id(), alice.id().value(), PrincipalKind.USER, sp.id(), daemon.id()));
        refusedWith(
                AppRoleError.APP_ROLE_NOT_ASSIGNABLE,
                () -> appRoles.assign(
                        admin, contoso.id(), client.id(), PrincipalKind.SERVICE_PRINCIPAL, sp.id(), reader.id()));
        refusedWith(
                AppRoleError.APP_ROLE_NOT_ASSIGNABLE,
                () -> appRoles.assign(admin, contoso.id(), alice.id().value(), PrincipalKind.USER, sp.id(), disabled));
        refusedWith(
                AppRoleError.APP_ROLE_NOT_ASSIGNABLE,
                () -> appRoles.assign(
                        admin, contoso.id(), alice.id().value(), PrincipalKind.USER, sp.id(), AppRole.DEFAULT_ACCESS));

        appRoles.assign(admin, contoso.id(), client.id(), PrincipalKind.SERVICE_PRINCIPAL, sp.id(), daemon.id());
        assertThat(appRoles.rolesOf(contoso.id(), client.id(), sp.id())).containsExactly("Orders.Sync");
    }

    @Test
    void aClientsTokenForAnApiNamesTheEnabledRolesItHolds() {
        ServicePrincipal api = app(contoso, daemon, writer);
        ServicePrincipal client = app(contoso);
        appRoles.assign(admin, contoso.id(), client.id(), PrincipalKind.SERVICE_PRINCIPAL, api.id(), daemon.id());
        appRoles.assign(admin, contoso.id(), client.id(), PrincipalKind.SERVICE_PRINCIPAL, api.id(), writer.id());

        assertThat(appRoles.rolesOf(contoso.id(), client.id(), api.id()))
                .containsExactly("Orders.Sync", "Orders.Write");
        assertThat(appRoles.rolesOf(fabrikam.id(), client.id(), api.id())).isEmpty();
    }

    @Test
    void theDefaultAccessRoleAdmitsAUserToAnAppWithoutUserRoles() {
        ServicePrincipal sp = app(contoso, daemon);
        User alice = contoso.addUser("alice");
        applicationsRequireAssignment(sp);

        refusedWith(AppRoleError.USER_NOT_ASSIGNED, () -> appRoles.signInRoles(contoso.id(), alice.id(), sp.appId()));
        appRoles.assign(admin, contoso.id(), alice.id().value(), PrincipalKind.USER, sp.id(), AppRole.DEFAULT_ACCESS);

        assertThat(appRoles.signInRoles(contoso.id(), alice.id(), sp.appId())).isEmpty();
    }

    @Test
    void aGroupAssignmentAdmitsItsDirectMembersWhenAssignmentIsRequired() {
        ServicePrincipal sp = app(contoso, reader);
        User alice = contoso.addUser("alice");
        User bob = contoso.addUser("bob");
        Group clerks = group("Clerks");
        world.groupService()
                .addMember(
                        admin, contoso.id(), clerks.id().toString(), alice.id().toString());
        appRoles.assign(admin, contoso.id(), clerks.id(), PrincipalKind.GROUP, sp.id(), reader.id());
        applicationsRequireAssignment(sp);

        assertThat(appRoles.signInRoles(contoso.id(), alice.id(), sp.appId())).containsExactly("Orders.Read");
        refusedWith(AppRoleError.USER_NOT_ASSIGNED, () -> appRoles.signInRoles(contoso.id(), bob.id(), sp.appId()));
    }

    void applicationsRequireAssignment(ServicePrincipal sp) {
        appRoles.setAssignmentRequired(admin, contoso.id(), sp.id(), true);
        assertThat(appRoles.assignmentRequired(sp)).isTrue();
    }

    @Test
    void ownersAndApplicationAdministratorsAssignOthersMayNot() {
        ServicePrincipal sp = app(contoso, reader);
        User alice = contoso.addUser("alice");
        Caller.User member = contoso.member("member");
        Caller.User appAdmin = contoso.member("appadmin", DirectoryRoleTemplate.APPLICATION_ADMINISTRATOR);
        Caller.User owner = contoso.member("owner");
        applications
                .owners()
                .addOwner(
                        admin,
                        contoso.id(),
                        AppObjectKind.SERVICE_PRINCIPAL,
                        sp.id(),
                        owner.userId().toString());

        assertThatThrownBy(() -> appRoles.assign(
                        member, contoso.id(), alice.id().value(), PrincipalKind.USER, sp.id(), reader.id()))
                .isInstanceOf(AccessDeniedException.class);
        AssignedAppRole byOwner =
                appRoles.assign(owner, contoso.id(), alice.id().value(), PrincipalKind.USER, sp.id(), reader.id());
        appRoles.remove(
                appAdmin, contoso.id(), null, sp.id(), byOwner.assignment().id());

        assertThat(appRoles.assignedTo(admin, contoso.id(), sp.id())).isEmpty();
    }

    @Test
    @DisplayName("R14: another directory's administrator can neither see nor assign an app's roles")
    void r14AnotherDirectoryCannotReachTheAssignments() {
        ServicePrincipal sp = app(contoso, reader);
        User alice = contoso.addUser("alice");
        appRoles.assign(admin, contoso.id(), alice.id().value(), PrincipalKind.USER, sp.id(), reader.id());
        Caller other = fabrikam.adminCaller();
        User fabrikamUser = fabrikam.addUser("eve");

        assertThatThrownBy(() -> appRoles.assignedTo(other, contoso.id(), sp.id()))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> appRoles.assignedTo(other, fabrikam.id(), sp.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> appRoles.assign(
                        admin, contoso.id(), fabrikamUser.id().value(), PrincipalKind.USER, sp.id(), reader.id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(appRoles.rolesOf(fabrikam.id(), alice.id().value(), sp.id())).isEmpty();
    }
}
