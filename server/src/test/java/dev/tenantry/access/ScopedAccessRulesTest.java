package dev.tenantry.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.Group;
import dev.tenantry.directory.groups.NewGroup;
import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.RuleViolationException;
import dev.tenantry.subscriptions.CloudSubscription;
import dev.tenantry.subscriptions.ResourceGroup;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 10: role assignments at resource-group scope, inherited downwards, through groups, and enforced (R4, R14). */
class ScopedAccessRulesTest {

    private final TestWorld world = TestWorld.create();
    private final TestDirectory contoso = TestDirectories.contoso().create(world);
    private final Caller.User owner = contoso.adminCaller();
    private final CloudSubscription subscription =
            world.subscriptions().createCloudSubscription(owner, "MS-AZR-0003P", "Production", null);
    private final SubscriptionScope scope = new SubscriptionScope(contoso.id(), subscription.id());
    private final ResourceGroupScope app = group("rg-app");
    private final ResourceGroupScope data = group("rg-data");

    private ResourceGroupScope group(String name) {
        world.resourceGroups().createOrUpdate(owner, subscription.id(), name, "westeurope", Map.of());
        return world.resourceGroups().scope(owner, subscription.id(), name);
    }

    private Caller.User memberWith(String alias, AccessScope at, RoleDefinition role) {
        Caller.User member = contoso.member(alias);
        world.access()
                .assign(owner, at, UUID.randomUUID(), role, member.userId().value());
        return member;
    }

    private Group securityGroup(String name, UUID... members) {
        List<String> ids = Arrays.stream(members).map(UUID::toString).toList();
        return world.groupService()
                .create(
                        owner,
                        contoso.id(),
                        new NewGroup(name, null, name, false, true, List.of(), null, ids, List.of()));
    }

    @Test
    @DisplayName("issue 10: a Reader on the subscription reads every resource group but writes none")
    void subscriptionReaderReadsEveryGroup() {
        Caller.User reader = memberWith("reader", scope, RoleDefinition.READER);

        assertThat(world.resourceGroups().list(reader, subscription.id()))
                .extracting(ResourceGroup::name)
                .containsExactly("rg-app", "rg-data");
        assertThat(world.access().rolesOf(reader, data)).containsExactly(RoleDefinition.READER);
        assertThatThrownBy(() -> world.resourceGroups()
                        .createOrUpdate(reader, subscription.id(), "rg-app", "westeurope", Map.of("a", "b")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @DisplayName("issue 10: a Contributor on one group writes only there: not another group, not a new one")
    void groupContributorWritesOnlyItsGroup() {
        Caller.User contributor = memberWith("contrib", app, RoleDefinition.CONTRIBUTOR);

        var saved = world.resourceGroups()
                .createOrUpdate(contributor, subscription.id(), "RG-APP", "westeurope", Map.of("env", "dev"));
        assertThat(saved.created()).isFalse();
        assertThat(world.resourceGroups().list(contributor, subscription.id()))
                .extracting(ResourceGroup::name)
                .containsExactly("rg-app");
        assertThatThrownBy(() -> world.resourceGroups().get(contributor, subscription.id(), "rg-data"))
                .isInstanceOfSatisfying(
                        AccessDeniedException.class, e -> assertThat(e.code()).isEqualTo("authorization_failed"));
        assertThatThrownBy(() -> world.resourceGroups()
                        .createOrUpdate(contributor, subscription.id(), "rg-new", "westeurope", Map.of()))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.requiredRoles())
                        .containsExactly("Owner", "Contributor"));
        assertThatThrownBy(() -> world.resourceGroups().delete(contributor, subscription.id(), "rg-data"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> world.access().requireWrite(contributor, scope))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(world.groups().list(subscription.id())).hasSize(2);
    }

    @Test
    @DisplayName("R14: a role on a group shows the subscription, but not its role assignments at subscription scope")
    void groupRoleShowsTheSubscriptionOnly() {
        Caller.User reader = memberWith("reader", app, RoleDefinition.READER);

        assertThat(world.subscriptions().getCloudSubscription(reader, subscription.id()))
                .isEqualTo(subscription);
        assertThat(world.access().subscriptionsOf(reader)).containsExactly(subscription.id());
        assertThatThrownBy(() -> world.access().list(reader, scope)).isInstanceOf(AccessDeniedException.class);
        assertThat(world.access().list(reader, app, AssignmentFilter.all()))
                .extracting(RoleAssignment::scope)
                .containsOnly(scope.path(), app.path());
    }

    @Test
    @DisplayName("R14: a stranger, or a user of another directory, is told the subscription does not exist")
    void strangersAreToldNothingExists() {
        Caller.User stranger = contoso.member("stranger");
        Caller.User outsider = TestDirectories.fabrikam().create(world).adminCaller();

        for (Caller.User caller : List.of(stranger, outsider)) {
            assertThatThrownBy(() -> world.resourceGroups().get(caller, subscription.id(), "rg-app"))
                    .isInstanceOfSatisfying(
                            NotFoundException.class, e -> assertThat(e.code()).isEqualTo("subscription_not_found"));
            assertThatThrownBy(() -> world.access().list(caller, app, AssignmentFilter.all()))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    @DisplayName("issue 10: Owner or User Access Administrator on a group manages assignments there only")
    void groupAccessAdministratorManagesOnlyItsGroup() {
        Caller.User admin = memberWith("uaa", app, RoleDefinition.USER_ACCESS_ADMINISTRATOR);
        UUID kelley = contoso.addUser("kelley").id().value();

        var assigned = world.access().assign(admin, app, UUID.randomUUID(), RoleDefinition.CONTRIBUTOR, kelley);
        assertThat(assigned.assignment().scope()).isEqualTo(app.path());
        assertThatThrownBy(() -> world.access().assign(admin, data, UUID.randomUUID(), RoleDefinition.READER, kelley))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.requiredRoles())
                        .containsExactly("Owner", "User Access Administrator"));
        assertThatThrownBy(() -> world.access().assign(admin, scope, UUID.randomUUID(), RoleDefinition.READER, kelley))
                .isInstanceOf(AccessDeniedException.class);
        world.access().remove(admin, app, assigned.assignment().id());
        assertThat(world.assignments().byPrincipal(kelley)).isEmpty();
    }

    @Test
    @DisplayName("issue 10: an assignment is read and removed only at the scope it was made at")
    void assignmentLivesAtItsScope() {
        UUID kelley = contoso.addUser("kelley").id().value();
        UUID name = UUID.randomUUID();
        world.access().assign(owner, app, name, RoleDefinition.READER, kelley);

        assertThatThrownBy(() -> world.access().get(owner, scope, name))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.code()).isEqualTo("role_assignment_not_found"));
        assertThatThrownBy(() -> world.access().remove(owner, data, name)).isInstanceOf(NotFoundException.class);
        assertThat(world.access().get(owner, app, name).principalId()).isEqualTo(kelley);
    }

    @Test
    @DisplayName("issue 10: deleting a resource group deletes the role assignments made at it")
    void deletingAGroupDeletesItsAssignments() {
        Caller.User reader = memberWith("reader", app, RoleDefinition.READER);
        memberWith("other", scope, RoleDefinition.READER);

        world.resourceGroups().delete(owner, subscription.id(), "RG-App");

        assertThat(world.assignments().byPrincipal(reader.userId().value())).isEmpty();
        assertThat(world.assignments().bySubscription(subscription.id())).hasSize(2);
        assertThat(world.access().subscriptionsOf(reader)).isEmpty();
    }

    @Test
    @DisplayName("issue 10: a group's members, nested ones too, inherit its assignments; others do not")
    void groupMembersInheritTransitively() {
        Caller.User alex = contoso.member("alex");
        Caller.User dana = contoso.member("dana");
        Group inner = securityGroup("inner", alex.userId().value());
        Group outer = securityGroup("outer", inner.id());
        var assigned = world.access().assign(owner, app, UUID.randomUUID(), RoleDefinition.CONTRIBUTOR, outer.id());

        assertThat(assigned.assignment().principalType()).isEqualTo(PrincipalType.GROUP);
        assertThat(world.access().rolesOf(alex, app)).containsExactly(RoleDefinition.CONTRIBUTOR);
        assertThat(world.access().rolesOf(alex, data)).isEmpty();
        assertThat(world.access().rolesOf(dana, app)).isEmpty();
        world.resourceGroups().createOrUpdate(alex, subscription.id(), "rg-app", "westeurope", Map.of("by", "alex"));
        assertThat(world.access().checkAccess(owner, app, alex.userId().value()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.viaGroup()).isEqualTo(outer.id());
                    assertThat(e.inherited()).isFalse();
                });
    }

    @Test
    @DisplayName("R4: Owners of a group do not count for the subscription's last Owner")
    void groupOwnersDoNotKeepTheSubscriptionOwned() {
        memberWith("groupowner", app, RoleDefinition.OWNER);
        UUID ownerAssignment = world.assignments().bySubscription(subscription.id()).stream()
                .filter(a -> a.principalId().equals(owner.userId().value()))
                .findFirst()
                .orElseThrow()
                .id();

        assertThatThrownBy(() -> world.access().remove(owner, scope, ownerAssignment))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("last_owner"));
    }

    @Test
    @DisplayName("issue 10: list filters — atScope() at or above, principalId one principal, assignedTo through groups")
    void listFilters() {
        Caller.User alex = contoso.member("alex");
        Group team = securityGroup("team", alex.userId().value());
        world.access().assign(owner, data, UUID.randomUUID(), RoleDefinition.READER, team.id());
        world.access()
                .assign(
                        owner,
                        app,
                        UUID.randomUUID(),
                        RoleDefinition.READER,
                        alex.userId().value());
        UUID alexId = alex.userId().value();

        assertThat(world.access().list(owner, scope, AssignmentFilter.all())).hasSize(3);
        assertThat(world.access().list(owner, scope, new AssignmentFilter(true, null, null)))
                .hasSize(1);
        assertThat(world.access().list(owner, app, new AssignmentFilter(true, null, null)))
                .extracting(RoleAssignment::scope)
                .containsExactlyInAnyOrder(scope.path(), app.path());
        assertThat(world.access().list(owner, scope, new AssignmentFilter(false, alexId, null)))
                .extracting(RoleAssignment::scope)
                .containsExactly(app.path());
        assertThat(world.access().list(owner, scope, new AssignmentFilter(false, null, alexId)))
                .extracting(RoleAssignment::scope)
                .containsExactlyInAnyOrder(app.path(), data.path());
        assertThat(world.access().list(owner, data, new AssignmentFilter(true, null, alexId)))
                .extracting(RoleAssignment::principalId)
                .containsExactly(team.id());
    }

    @Test
    @DisplayName("issue 10: every role assignment change and resource group change is in the activity log")
    void changesAreRecorded() {
        UUID kelley = contoso.addUser("kelley").id().value();
        UUID name = UUID.randomUUID();
        world.access().assign(owner, app, name, RoleDefinition.READER, kelley);
        world.access().remove(owner, app, name);
        world.resourceGroups().delete(owner, subscription.id(), "rg-data");

        var events = world.services()
                .activityLog()
                .events(owner, scope, TestWorld.NOW.minusSeconds(60), TestWorld.NOW, null, null);
        assertThat(events)
                .extracting(ActivityEvent::operationName)
                .contains(
                        "Microsoft.Resources/subscriptions/resourceGroups/write",
                        "Microsoft.Authorization/roleAssignments/write",
                        "Microsoft.Authorization/roleAssignments/delete",
                        "Microsoft.Resources/subscriptions/resourceGroups/delete");
        assertThat(events)
                .filteredOn(e -> e.operationName().startsWith("Microsoft.Authorization"))
                .allSatisfy(e -> {
                    assertThat(e.resourceId())
                            .isEqualTo(app.path() + "/providers/Microsoft.Authorization/roleAssignments/" + name);
                    assertThat(e.authorizationScope()).isEqualTo(app.path());
                    assertThat(e.callerName()).isEqualTo(contoso.admin().userPrincipalName());
                });
    }

    @Test
    @DisplayName(
            "issue 10: permissions answer the role of each assignment that applies at the scope, nothing elsewhere")
    void permissionsFollowTheScope() {
        Caller.User contributor = memberWith("contrib", app, RoleDefinition.CONTRIBUTOR);

        assertThat(world.access().permissions(contributor, app)).containsExactly(RoleDefinition.CONTRIBUTOR);
        assertThat(world.access().permissions(contributor, data)).isEmpty();
        assertThat(world.access().permissions(contributor, scope)).isEmpty();
        assertThat(world.access().permissions(owner, data)).containsExactly(RoleDefinition.OWNER);
    }

    @Test
    @DisplayName("R14: a group or user of another directory cannot be given a role here")
    void principalsOfAnotherDirectoryAreRefused() {
        TestDirectory fabrikam = TestDirectories.fabrikam().create(world);
        Group theirs = world.groupService()
                .create(
                        fabrikam.adminCaller(),
                        fabrikam.id(),
                        new NewGroup("theirs", null, "theirs", false, true, List.of(), null, List.of(), List.of()));

        assertThatThrownBy(
                        () -> world.access().assign(owner, app, UUID.randomUUID(), RoleDefinition.READER, theirs.id()))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("principal_not_found"));
        assertThat(world.assignments().byPrincipal(theirs.id())).isEmpty();
    }

    @Test
    @DisplayName("issue 10: the activity log refuses a reversed window or one over 90 days")
    void activityWindowIsChecked() {
        var log = world.services().activityLog();

        assertThatThrownBy(() -> log.events(owner, scope, TestWorld.NOW, TestWorld.NOW.minusSeconds(1), null, null))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("invalid_time_window"));
        assertThatThrownBy(() ->
                        log.events(owner, scope, TestWorld.NOW.minus(Duration.ofDays(91)), TestWorld.NOW, null, null))
                .isInstanceOf(InvalidRequestException.class);
        Caller.User reader = memberWith("reader", app, RoleDefinition.READER);
        assertThat(log.events(reader, scope, TestWorld.NOW.minusSeconds(60), TestWorld.NOW, "rg-app", null))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.resourceGroup()).isEqualTo("rg-app"));
        assertThatThrownBy(() -> log.events(reader, scope, TestWorld.NOW.minusSeconds(60), TestWorld.NOW, null, null))
                .isInstanceOf(AccessDeniedException.class);
    }
}
