package dev.tenantry.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.RuleViolationException;
import dev.tenantry.subscriptions.CloudSubscription;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessServiceTest {

    private final TestWorld world = TestWorld.create();
    private final TestDirectory contoso = TestDirectories.contoso().create(world);
    private final Caller.User owner = contoso.adminCaller();
    private final CloudSubscription subscription =
            world.subscriptions().createCloudSubscription(owner, "MS-AZR-0003P", "Production", null);
    private final SubscriptionScope scope = new SubscriptionScope(contoso.id(), subscription.id());

    private Caller.User memberWith(String alias, RoleDefinition role) {
        Caller.User member = contoso.member(alias);
        world.access()
                .assign(owner, scope, UUID.randomUUID(), role, member.userId().value());
        return member;
    }

    private UUID ownerAssignmentId() {
        return world.assignments().bySubscription(subscription.id()).stream()
                .filter(a -> a.principalId().equals(owner.userId().value()))
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Test
    void readerCannotWriteResourceGroups() {
        Caller.User reader = memberWith("reader", RoleDefinition.READER);

        assertThatThrownBy(() -> world.resourceGroups()
                        .createOrUpdate(reader, subscription.id(), "rg-app", "westeurope", Map.of()))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                    assertThat(e.code()).isEqualTo("authorization_failed");
                    assertThat(e.requiredRoles()).containsExactly("Owner", "Contributor");
                });
        assertThat(world.groups().list(subscription.id())).isEmpty();
    }

    @Test
    void contributorCanWriteResourceGroups() {
        Caller.User contributor = memberWith("contrib", RoleDefinition.CONTRIBUTOR);

        var saved =
                world.resourceGroups().createOrUpdate(contributor, subscription.id(), "rg-app", "westeurope", Map.of());

        assertThat(saved.created()).isTrue();
    }

    @Test
    void contributorCannotAssignRoles() {
        Caller.User contributor = memberWith("contrib", RoleDefinition.CONTRIBUTOR);
        UUID kelley = contoso.addUser("kelley").id().value();

        assertThatThrownBy(() ->
                        world.access().assign(contributor, scope, UUID.randomUUID(), RoleDefinition.READER, kelley))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                    assertThat(e.code()).isEqualTo("authorization_failed");
                    assertThat(e.requiredRoles()).containsExactly("Owner", "User Access Administrator");
                });
        assertThat(world.assignments().byPrincipal(kelley)).isEmpty();
    }

    @Test
    void ownerAssignsARoleThePrincipalThenHolds() {
        Caller.User kelley = contoso.member("kelley");

        var assigned = world.access()
                .assign(
                        owner,
                        scope,
                        UUID.randomUUID(),
                        RoleDefinition.READER,
                        kelley.userId().value());

        assertThat(assigned.created()).isTrue();
        assertThat(assigned.assignment().principalType()).isEqualTo(PrincipalType.USER);
        assertThat(world.access().rolesOf(kelley, scope)).containsExactly(RoleDefinition.READER);
    }

    @Test
    void puttingTheSameAssignmentAgainReturnsItUnchanged() {
        UUID kelley = contoso.addUser("kelley").id().value();
        UUID assignmentId = UUID.randomUUID();
        world.access().assign(owner, scope, assignmentId, RoleDefinition.READER, kelley);

        var again = world.access().assign(owner, scope, assignmentId, RoleDefinition.READER, kelley);

        assertThat(again.created()).isFalse();
        assertThat(world.assignments().byPrincipal(kelley)).hasSize(1);
    }

    @Test
    void principalOfAnotherDirectoryIsRefusedPrincipalNotFound() {
        TestDirectory fabrikam = TestDirectories.fabrikam().create(world);
        UUID outsider = fabrikam.addUser("alex").id().value();

        assertThatThrownBy(
                        () -> world.access().assign(owner, scope, UUID.randomUUID(), RoleDefinition.READER, outsider))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("principal_not_found"));
        assertThat(world.assignments().byPrincipal(outsider)).isEmpty();
    }

    @Test
    void lastOwnerCannotBeRemoved() {
        UUID ownerAssignment = ownerAssignmentId();

        assertThatThrownBy(() -> world.access().remove(owner, scope, ownerAssignment))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("last_owner"));
        assertThat(world.assignments().findById(subscription.id(), ownerAssignment))
                .isPresent();
    }

    @Test
    void ownerCanBeRemovedWhileAnotherOwnerRemains() {
        memberWith("coowner", RoleDefinition.OWNER);
        UUID ownerAssignment = ownerAssignmentId();

        world.access().remove(owner, scope, ownerAssignment);

        assertThat(world.access().rolesOf(owner, scope)).isEmpty();
    }

    @Test
    void callerWithoutARoleIsToldTheSubscriptionDoesNotExist() {
        Caller.User member = contoso.member("kelley");

        assertThatThrownBy(() -> world.access().requireRead(member, scope))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.code()).isEqualTo("subscription_not_found"));
    }
}
