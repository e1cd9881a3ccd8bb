package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.Tenant;
import dev.tenantry.testing.ContractStores;
import dev.tenantry.testing.RepositoryContract;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link SuiteSubscriptionRepository} does (issue 8: a contract per fake, run on the fake and on SQL). */
public abstract class SuiteSubscriptionRepositoryContract extends RepositoryContract {

    private static final UUID SKU = UUID.fromString("f245ecc8-75af-4f8e-b61f-27d8114de5f3");

    protected SuiteSubscriptionRepositoryContract(ContractStores stores) {
        super(stores);
    }

    private SuiteSubscriptionRepository suites() {
        return stores.suites();
    }

    private SuiteSubscription insert(UUID id, Tenant tenant, Instant trialEndsAt, Instant createdAt) {
        SuiteSubscription subscription = new SuiteSubscription(
                id,
                tenant.id(),
                SKU,
                "O365_BUSINESS_PREMIUM",
                25,
                2,
                1,
                SuiteSubscription.State.WARNING,
                trialEndsAt != null,
                trialEndsAt,
                createdAt);
        suites().insert(subscription);
        return subscription;
    }

    @Test
    @DisplayName("issue 8: a suite subscription is found by id in its directory only, every field kept")
    void insertedSubscriptionIsFoundInItsDirectory() {
        SuiteSubscription trial = insert(UUID.randomUUID(), contoso, NOW.plusSeconds(2_592_000), NOW);
        SuiteSubscription paid = insert(UUID.randomUUID(), contoso, null, NOW);

        assertThat(suites().findById(contoso.id(), trial.id())).contains(trial);
        assertThat(suites().findById(contoso.id(), paid.id())).contains(paid);
        assertThat(suites().findById(fabrikam.id(), trial.id())).isEmpty();
        assertThat(suites().findById(contoso.id(), UUID.randomUUID())).isEmpty();
    }

    @Test
    @DisplayName("issue 8: a subscription id is unique")
    void duplicateIdIsRefused() {
        SuiteSubscription first = insert(UUID.randomUUID(), contoso, null, NOW);

        assertThatThrownBy(() -> insert(first.id(), fabrikam, null, NOW)).isInstanceOf(RuntimeException.class);
        assertThat(suites().findById(contoso.id(), first.id())).contains(first);
        assertThat(suites().byTenant(fabrikam.id())).isEmpty();
    }

    @Test
    @DisplayName("issue 8: a directory's suite subscriptions are listed oldest first, then by id")
    void byTenantIsOldestFirstThenId() {
        UUID[] ids = idsOutOfJavaOrder();
        SuiteSubscription newest = insert(UUID.randomUUID(), contoso, null, NOW.plusSeconds(60));
        SuiteSubscription tieA = insert(ids[0], contoso, null, NOW);
        SuiteSubscription tieB = insert(ids[1], contoso, null, NOW);
        insert(UUID.randomUUID(), fabrikam, null, NOW);

        assertThat(suites().byTenant(contoso.id())).containsExactly(tieB, tieA, newest);
    }

    @Test
    @DisplayName("issue 9: locking a SKU's subscriptions returns the directory's subscriptions of that SKU only")
    void lockBySkuReturnsThatSkuInThatDirectory() {
        SuiteSubscription first = insert(UUID.randomUUID(), contoso, null, NOW);
        SuiteSubscription second = insert(UUID.randomUUID(), contoso, null, NOW.plusSeconds(60));
        insert(UUID.randomUUID(), fabrikam, null, NOW);

        stores.inTransaction(() -> {
            assertThat(suites().lockBySku(contoso.id(), SKU)).containsExactly(first, second);
            assertThat(suites().lockBySku(contoso.id(), UUID.randomUUID())).isEmpty();
        });
    }

    @Test
    @DisplayName("issue 9: an update stores seats, state, trial and state end; an unknown id is not stored")
    void updateStoresTheLifecycleFields() {
        SuiteSubscription trial = insert(UUID.randomUUID(), contoso, NOW.plusSeconds(60), NOW);
        SuiteSubscription changed = new SuiteSubscription(
                trial.id(),
                contoso.id(),
                SKU,
                "O365_BUSINESS_PREMIUM",
                0,
                28,
                0,
                SuiteSubscription.State.SUSPENDED,
                false,
                null,
                NOW,
                NOW.plusSeconds(7_776_000));

        assertThat(suites().update(changed)).isTrue();

        assertThat(suites().findById(contoso.id(), trial.id())).contains(changed);
        assertThat(suites().update(new SuiteSubscription(
                        UUID.randomUUID(),
                        contoso.id(),
                        SKU,
                        "O365_BUSINESS_PREMIUM",
                        1,
                        0,
                        0,
                        SuiteSubscription.State.ENABLED,
                        false,
                        null,
                        NOW)))
                .isFalse();
    }

    @Test
    @DisplayName("issue 9: due subscriptions are those of any directory whose state ended, longest overdue first")
    void dueByListsWhatRanOut() {
        SuiteSubscription enabledTrial = enabledTrial(contoso, NOW.plusSeconds(10));
        SuiteSubscription earlier = enabledTrial(fabrikam, NOW.plusSeconds(5));
        enabledTrial(contoso, NOW.plusSeconds(11));
        insert(UUID.randomUUID(), contoso, null, NOW);

        assertThat(suites().dueBy(NOW.plusSeconds(10), 10)).containsExactly(earlier, enabledTrial);
        assertThat(suites().dueBy(NOW.plusSeconds(10), 1)).containsExactly(earlier);
        assertThat(suites().dueBy(NOW, 10)).isEmpty();
    }

    private SuiteSubscription enabledTrial(Tenant tenant, Instant trialEndsAt) {
        SuiteSubscription subscription = new SuiteSubscription(
                UUID.randomUUID(),
                tenant.id(),
                SKU,
                "O365_BUSINESS_PREMIUM",
                25,
                0,
                0,
                SuiteSubscription.State.ENABLED,
                true,
                trialEndsAt,
                NOW);
        suites().insert(subscription);
        return subscription;
    }
}
