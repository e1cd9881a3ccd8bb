package dev.tenantry.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.shared.ConflictException;
import dev.tenantry.testing.ContractStores;
import dev.tenantry.testing.RepositoryContract;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link RoleAssignmentRepository} does (issue 8: a contract per fake, run on the fake and on SQL). */
public abstract class RoleAssignmentRepositoryContract extends RepositoryContract {

    private final UUID subscription = UUID.randomUUID();
    private final UUID otherSubscription = UUID.randomUUID();
    private final UUID kelley = UUID.randomUUID();

    protected RoleAssignmentRepositoryContract(ContractStores stores) {
        super(stores);
    }

    private RoleAssignmentRepository assignments() {
        return stores.assignments();
    }

    private RoleAssignment assignment(UUID id, UUID subscriptionId, RoleDefinition role, UUID principalId) {
        return new RoleAssignment(id, contoso.id(), subscriptionId, role, principalId, PrincipalType.USER, null, NOW);
    }

    private RoleAssignment insert(UUID id, UUID subscriptionId, RoleDefinition role, UUID principalId) {
        RoleAssignment assignment = assignment(id, subscriptionId, role, principalId);
        assignments().insert(assignment);
        return assignment;
    }

    @Test
    @DisplayName("issue 8: an assignment is found by its name within its subscription only")
    void assignmentIsFoundWithinItsSubscription() {
        UUID creator = UUID.randomUUID();
        RoleAssignment owner = new RoleAssignment(
                UUID.randomUUID(),
                contoso.id(),
                subscription,
                RoleDefinition.OWNER,
                kelley,
                PrincipalType.SERVICE_PRINCIPAL,
                creator,
                NOW);
        assignments().insert(owner);

        assertThat(assignments().findById(subscription, owner.id())).contains(owner);
        assertThat(assignments().findById(otherSubscription, owner.id())).isEmpty();
    }

    @Test
    @DisplayName("issue 8: a principal holds a role at a scope once")
    void sameRoleForSamePrincipalAtSameScopeIsAConflict() {
        insert(UUID.randomUUID(), subscription, RoleDefinition.OWNER, kelley);
        RoleAssignment again = assignment(UUID.randomUUID(), subscription, RoleDefinition.OWNER, kelley);

        assertThatThrownBy(() -> assignments().insert(again))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("role_assignment_exists"));
        RoleAssignment reader = insert(UUID.randomUUID(), subscription, RoleDefinition.READER, kelley);
        assertThat(assignments().bySubscription(subscription)).hasSize(2).contains(reader);
    }

    @Test
    @DisplayName("issue 8: an assignment's name is unique within its subscription, not on the server (issue 7)")
    void nameIsUniquePerSubscription() {
        UUID name = UUID.randomUUID();
        insert(name, subscription, RoleDefinition.OWNER, kelley);
        RoleAssignment sameName = assignment(name, subscription, RoleDefinition.READER, UUID.randomUUID());

        assertThatThrownBy(() -> assignments().insert(sameName)).isInstanceOf(ConflictException.class);
        RoleAssignment elsewhere = insert(name, otherSubscription, RoleDefinition.OWNER, kelley);
        assertThat(assignments().findById(otherSubscription, name)).contains(elsewhere);
    }

    @Test
    @DisplayName("issue 8: a subscription's and a principal's assignments are listed in SQL id order")
    void listsAreInSqlIdOrder() {
        UUID[] ids = idsOutOfJavaOrder();
        RoleAssignment a = insert(ids[0], subscription, RoleDefinition.OWNER, kelley);
        RoleAssignment b = insert(ids[1], subscription, RoleDefinition.READER, UUID.randomUUID());
        RoleAssignment c = insert(ids[2], otherSubscription, RoleDefinition.CONTRIBUTOR, kelley);
        RoleAssignment d = insert(UUID.randomUUID(), subscription, RoleDefinition.CONTRIBUTOR, UUID.randomUUID());

        assertThat(assignments().bySubscription(subscription))
                .containsExactlyInAnyOrder(a, b, d)
                .extracting(assignment -> assignment.id().toString())
                .isSorted();
        assertThat(assignments().byPrincipal(kelley)).containsExactly(c, a);
        assertThat(assignments().byPrincipal(UUID.randomUUID())).isEmpty();
    }

    @Test
    @DisplayName("issue 8: an assignment is deleted only through its own subscription")
    void deleteIsWithinTheSubscription() {
        RoleAssignment owner = insert(UUID.randomUUID(), subscription, RoleDefinition.OWNER, kelley);

        assertThat(assignments().delete(otherSubscription, owner.id())).isFalse();
        assertThat(assignments().delete(subscription, owner.id())).isTrue();
        assertThat(assignments().findById(subscription, owner.id())).isEmpty();
        assertThat(assignments().delete(subscription, owner.id())).isFalse();
    }

    @Test
    @DisplayName(
            "issue 10: an assignment at a resource group keeps its scope; deleting by scope removes that scope's only")
    void resourceGroupScopeIsKeptAndDeletedByScope() {
        RoleAssignment atGroup = new RoleAssignment(
                UUID.randomUUID(),
                contoso.id(),
                subscription,
                RoleDefinition.READER,
                kelley,
                PrincipalType.GROUP,
                null,
                NOW,
                "rg-App");
        assignments().insert(atGroup);
        RoleAssignment atSubscription = insert(UUID.randomUUID(), subscription, RoleDefinition.READER, kelley);
        RoleAssignment elsewhere = insert(UUID.randomUUID(), otherSubscription, RoleDefinition.READER, kelley);

        assertThat(assignments().findById(subscription, atGroup.id())).contains(atGroup);
        assertThat(atGroup.scope()).isEqualTo("/subscriptions/" + subscription + "/resourceGroups/rg-App");
        assertThat(assignments().deleteByScope(subscription, atGroup.scope())).isEqualTo(1);
        assertThat(assignments().bySubscription(subscription)).containsExactly(atSubscription);
        assertThat(assignments().byPrincipal(kelley)).containsExactlyInAnyOrder(atSubscription, elsewhere);
    }

    @Test
    @DisplayName("issue 10: deleting a subscription's assignments removes them at every scope in it, and no others")
    void deleteBySubscriptionRemovesEveryScope() {
        insert(UUID.randomUUID(), subscription, RoleDefinition.OWNER, kelley);
        assignments()
                .insert(new RoleAssignment(
                        UUID.randomUUID(),
                        contoso.id(),
                        subscription,
                        RoleDefinition.READER,
                        kelley,
                        PrincipalType.USER,
                        null,
                        NOW,
                        "rg"));
        RoleAssignment elsewhere = insert(UUID.randomUUID(), otherSubscription, RoleDefinition.READER, kelley);

        assertThat(assignments().deleteBySubscription(subscription)).isEqualTo(2);
        assertThat(assignments().bySubscription(subscription)).isEmpty();
        assertThat(assignments().byPrincipal(kelley)).containsExactly(elsewhere);
    }

    @Test
    @DisplayName("issue 8: locking a subscription inside a transaction changes nothing stored")
    void lockingChangesNothing() {
        RoleAssignment owner = insert(UUID.randomUUID(), subscription, RoleDefinition.OWNER, kelley);

        stores.inTransaction(() -> assignments().lockSubscription(subscription));

        assertThat(assignments().bySubscription(subscription)).containsExactly(owner);
    }

    @Test
    @DisplayName("R11: every assignment of one subscription is deleted at once, and counted; others stay")
    void deleteBySubscriptionDeletesThatSubscriptionsOnly() {
        insert(UUID.randomUUID(), subscription, RoleDefinition.OWNER, kelley);
        insert(UUID.randomUUID(), subscription, RoleDefinition.READER, UUID.randomUUID());
        RoleAssignment other = insert(UUID.randomUUID(), otherSubscription, RoleDefinition.OWNER, kelley);

        assertThat(assignments().deleteBySubscription(subscription)).isEqualTo(2);

        assertThat(assignments().bySubscription(subscription)).isEmpty();
        assertThat(assignments().bySubscription(otherSubscription)).containsExactly(other);
        assertThat(assignments().deleteBySubscription(subscription)).isZero();
    }
}
