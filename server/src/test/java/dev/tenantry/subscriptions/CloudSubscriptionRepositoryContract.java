package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.DirectoryRole;
import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.User;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.testing.ContractStores;
import dev.tenantry.testing.RepositoryContract;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link CloudSubscriptionRepository} does (issue 8: a contract per fake, run on the fake and on SQL). */
public abstract class CloudSubscriptionRepositoryContract extends RepositoryContract {

    private User kelley;
    private User megan;

    protected CloudSubscriptionRepositoryContract(ContractStores stores) {
        super(stores);
    }

    @BeforeEach
    void insertUsers() {
        kelley = user(contoso, "kelley");
        megan = user(fabrikam, "megan");
    }

    private CloudSubscriptionRepository clouds() {
        return stores.clouds();
    }

    private CloudSubscription insert(UUID id, User admin, Instant createdAt) {
        CloudSubscription subscription = new CloudSubscription(
                id,
                admin.tenantId(),
                "Pay-As-You-Go",
                "MS-AZR-0003P",
                CloudSubscription.State.ENABLED,
                admin.id(),
                createdAt);
        clouds().insert(subscription);
        return subscription;
    }

    @Test
    @DisplayName("issue 8: a cloud subscription is found by id, every field kept")
    void insertedSubscriptionIsFound() {
        CloudSubscription warned = new CloudSubscription(
                UUID.randomUUID(),
                contoso.id(),
                "Dev",
                "MS-AZR-0044P",
                CloudSubscription.State.WARNED,
                kelley.id(),
                NOW);
        clouds().insert(warned);

        assertThat(clouds().findById(warned.id())).contains(warned);
        assertThat(clouds().findById(UUID.randomUUID())).isEmpty();
    }

    @Test
    @DisplayName("issue 10 (R4): the account administrator is changed by a billing ownership transfer")
    void accountAdministratorIsUpdated() {
        CloudSubscription subscription = insert(UUID.randomUUID(), kelley, NOW);
        User jane = user(contoso, "jane");

        clouds().update(subscription.ownedBy(jane.id()));

        assertThat(clouds().findById(subscription.id()).orElseThrow().accountAdministrator())
                .isEqualTo(jane.id());
    }

    @Test
    @DisplayName("issue 8: a subscription id is unique")
    void duplicateIdIsRefused() {
        CloudSubscription first = insert(UUID.randomUUID(), kelley, NOW);

        assertThatThrownBy(() -> insert(first.id(), megan, NOW.plusSeconds(1))).isInstanceOf(RuntimeException.class);
        assertThat(clouds().findById(first.id())).contains(first);
    }

    @Test
    @DisplayName("issue 8: subscriptions by ids are keyset pages in SQL id order")
    void findByIdsPagesInSqlIdOrder() {
        UUID[] ids = idsOutOfJavaOrder();
        CloudSubscription a = insert(ids[0], kelley, NOW);
        CloudSubscription b = insert(ids[1], kelley, NOW);
        CloudSubscription c = insert(ids[2], megan, NOW);
        insert(UUID.randomUUID(), kelley, NOW);
        List<UUID> wanted = List.of(ids[0], ids[1], ids[2], UUID.randomUUID());

        List<CloudSubscription> first = clouds().findByIds(wanted, null, 2);
        List<CloudSubscription> rest = clouds().findByIds(wanted, first.get(1).id(), 2);

        assertThat(first).containsExactly(b, c);
        assertThat(rest).containsExactly(a);
    }

    @Test
    @DisplayName("issue 8: a directory's subscriptions are listed oldest first, then by id")
    void byTenantIsOldestFirstThenId() {
        UUID[] ids = idsOutOfJavaOrder();
        CloudSubscription newest = insert(UUID.randomUUID(), kelley, NOW.plusSeconds(60));
        CloudSubscription tieA = insert(ids[0], kelley, NOW);
        CloudSubscription tieB = insert(ids[1], kelley, NOW);
        insert(UUID.randomUUID(), megan, NOW);

        assertThat(clouds().byTenant(contoso.id())).containsExactly(tieB, tieA, newest);
    }

    @Test
    @DisplayName("issue 8: the account administrator of a subscription cannot be deleted, and keeps its roles")
    void accountAdministratorCannotBeDeleted() {
        insert(UUID.randomUUID(), kelley, NOW);
        DirectoryRole admins = stores.roles().activate(contoso.id(), DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR);
        stores.roles().addMember(admins, kelley.id());

        assertThatThrownBy(() -> stores.users().delete(contoso.id(), kelley.id()))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("user_in_use"));

        assertThat(stores.users().findById(contoso.id(), kelley.id())).contains(kelley);
        assertThat(stores.roles().members(admins)).containsExactly(kelley.id());
    }

    @Test
    @DisplayName(
            "R11, issue 10: an update stores the directory, name, state, administrator and state end; locking finds it")
    void updateStoresWhatChanges() {
        CloudSubscription original = insert(UUID.randomUUID(), kelley, NOW);
        CloudSubscription changed = original.movedTo(fabrikam.id(), megan.id())
                .renamed("Moved")
                .enter(CloudSubscription.State.DISABLED, NOW.plusSeconds(3600));

        clouds().update(changed);

        assertThat(clouds().findById(original.id())).contains(changed);
        assertThat(clouds().lockById(original.id())).contains(changed);
        assertThat(clouds().lockById(UUID.randomUUID())).isEmpty();
        assertThat(clouds().byTenant(contoso.id())).doesNotContain(changed);
        assertThat(clouds().byTenant(fabrikam.id())).containsExactly(changed);
    }

    @Test
    @DisplayName("issue 10: due subscriptions are the enabled or disabled ones whose state ran out, oldest end first")
    void dueByListsRunOutStatesOldestFirst() {
        CloudSubscription later = insert(UUID.randomUUID(), kelley, NOW).enter(CloudSubscription.State.ENABLED, NOW);
        CloudSubscription earlier =
                insert(UUID.randomUUID(), kelley, NOW).enter(CloudSubscription.State.DISABLED, NOW.minusSeconds(60));
        CloudSubscription notYet =
                insert(UUID.randomUUID(), kelley, NOW).enter(CloudSubscription.State.ENABLED, NOW.plusSeconds(1));
        CloudSubscription deleted =
                insert(UUID.randomUUID(), kelley, NOW).enter(CloudSubscription.State.DELETED, NOW.minusSeconds(60));
        List.of(later, earlier, notYet, deleted).forEach(clouds()::update);
        insert(UUID.randomUUID(), kelley, NOW);

        assertThat(clouds().dueBy(NOW, 10)).containsExactly(earlier, later);
        assertThat(clouds().dueBy(NOW, 1)).containsExactly(earlier);
    }
}
