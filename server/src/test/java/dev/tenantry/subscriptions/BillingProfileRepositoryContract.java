package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.testing.ContractStores;
import dev.tenantry.testing.RepositoryContract;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link BillingProfileRepository} does (issue 8: a contract per fake, run on the fake and on SQL). */
public abstract class BillingProfileRepositoryContract extends RepositoryContract {

    protected BillingProfileRepositoryContract(ContractStores stores) {
        super(stores);
    }

    private BillingProfile profile(UUID subscriptionId, String cardBrand, String cardLast4) {
        return new BillingProfile(
                subscriptionId,
                "Nancy Davolio",
                "nancy@northwind.test",
                "+31 20 123 4567",
                "NL",
                "Keizersgracht 1",
                "Amsterdam",
                "1015 CJ",
                cardBrand,
                cardLast4);
    }

    @Test
    @DisplayName("issue 8: a billing profile is found by its subscription, every field kept")
    void profileIsFoundBySubscription() {
        BillingProfile withCard = profile(UUID.randomUUID(), "Visa", "1111");
        BillingProfile withoutCard = profile(UUID.randomUUID(), null, null);
        stores.billing().insert(contoso.id(), withCard);
        stores.billing().insert(contoso.id(), withoutCard);

        assertThat(stores.billing().findBySubscription(withCard.subscriptionId()))
                .contains(withCard);
        assertThat(stores.billing().findBySubscription(withoutCard.subscriptionId()))
                .contains(withoutCard);
        assertThat(stores.billing().findBySubscription(UUID.randomUUID())).isEmpty();
    }

    @Test
    @DisplayName("issue 9: a directory has a billing profile once one of its subscriptions has one")
    void existsForTenantSeesAnyOfItsSubscriptions() {
        assertThat(stores.billing().existsForTenant(contoso.id())).isFalse();

        stores.billing().insert(contoso.id(), profile(UUID.randomUUID(), "Visa", "1111"));

        assertThat(stores.billing().existsForTenant(contoso.id())).isTrue();
        assertThat(stores.billing().existsForTenant(fabrikam.id())).isFalse();
    }
}
