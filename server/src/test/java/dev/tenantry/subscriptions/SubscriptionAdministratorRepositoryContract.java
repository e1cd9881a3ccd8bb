package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.User;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.testing.ContractStores;
import dev.tenantry.testing.RepositoryContract;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link SubscriptionAdministratorRepository} does (issue 10), run on the fake and on SQL. */
public abstract class SubscriptionAdministratorRepositoryContract extends RepositoryContract {

    private User kelley;
    private User jane;
    private UUID subscription;

    protected SubscriptionAdministratorRepositoryContract(ContractStores stores) {
        super(stores);
    }

    @BeforeEach
    void insertSubscription() {
        kelley = user(contoso, "kelley");
        jane = user(contoso, "jane");
        subscription = UUID.randomUUID();
        stores.clouds()
                .insert(new CloudSubscription(
                        subscription,
                        contoso.id(),
                        "Dev",
                        "MS-AZR-0044P",
                        CloudSubscription.State.ENABLED,
                        kelley.id(),
                        NOW));
    }

    private SubscriptionAdministratorRepository administrators() {
        return stores.subscriptionAdministrators();
    }

    private BillingTransfer transfer(User recipient, java.time.Instant at) {
        return new BillingTransfer(
                UUID.randomUUID(),
                subscription,
                contoso.id(),
                kelley.id(),
                recipient.id(),
                BillingTransfer.State.PENDING,
                at,
                at.plus(BillingTransfer.VALIDITY),
                null);
    }

    @Test
    @DisplayName("issue 10: grants are kept with every field, oldest first, once per role and user")
    void grantsAreKeptOncePerRoleAndUser() {
        UUID owner = UUID.randomUUID();
        ClassicAdministratorGrant co =
                new ClassicAdministratorGrant(subscription, ClassicRole.CO_ADMINISTRATOR, jane.id(), owner, NOW);
        ClassicAdministratorGrant service = new ClassicAdministratorGrant(
                subscription, ClassicRole.SERVICE_ADMINISTRATOR, kelley.id(), null, NOW.minusSeconds(5));
        administrators().insertGrant(co);
        administrators().insertGrant(service);

        assertThat(administrators().grants(subscription)).containsExactly(service, co);
        assertThat(administrators().grants(UUID.randomUUID())).isEmpty();
        assertThatThrownBy(() -> administrators().insertGrant(co)).isInstanceOf(ConflictException.class);
    }

    @Test
    @DisplayName("issue 10: grants are deleted one by one or all of a subscription's at once")
    void grantsAreDeleted() {
        administrators()
                .insertGrant(new ClassicAdministratorGrant(
                        subscription, ClassicRole.CO_ADMINISTRATOR, jane.id(), null, NOW));
        administrators()
                .insertGrant(new ClassicAdministratorGrant(
                        subscription, ClassicRole.CO_ADMINISTRATOR, kelley.id(), null, NOW));

        boolean deleted = administrators().deleteGrant(subscription, ClassicRole.CO_ADMINISTRATOR, jane.id());
        boolean again = administrators().deleteGrant(subscription, ClassicRole.CO_ADMINISTRATOR, jane.id());
        int rest = administrators().deleteGrants(subscription);

        assertThat(deleted).isTrue();
        assertThat(again).isFalse();
        assertThat(rest).isEqualTo(1);
        assertThat(administrators().grants(subscription)).isEmpty();
    }

    @Test
    @DisplayName("issue 10: transfers are found, listed newest first, and their state updated")
    void transfersAreStoredAndUpdated() {
        BillingTransfer older = transfer(jane, NOW);
        BillingTransfer newer = transfer(jane, NOW.plus(Duration.ofHours(1)));
        administrators().insertTransfer(older);
        administrators().insertTransfer(newer);

        BillingTransfer cancelled = older.completed(BillingTransfer.State.CANCELLED, NOW.plusSeconds(60));
        boolean updated = administrators().updateTransfer(cancelled);

        assertThat(updated).isTrue();
        assertThat(administrators().findTransfer(older.id())).contains(cancelled);
        assertThat(administrators().transfers(subscription)).containsExactly(newer, cancelled);
        assertThat(administrators().pendingTransfersTo(jane.id())).containsExactly(newer);
        assertThat(administrators().pendingTransfersTo(kelley.id())).isEmpty();
        assertThat(administrators().findTransfer(UUID.randomUUID())).isEmpty();
    }
}
