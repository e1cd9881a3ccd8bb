package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.directory.User;
import dev.tenantry.testing.ContractStores;
import dev.tenantry.testing.RepositoryContract;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link ResourceGroupRepository} does (issue 8: a contract per fake, run on the fake and on SQL). */
public abstract class ResourceGroupRepositoryContract extends RepositoryContract {

    private UUID subscription;
    private UUID otherSubscription;

    protected ResourceGroupRepositoryContract(ContractStores stores) {
        super(stores);
    }

    @BeforeEach
    void insertSubscriptions() {
        User kelley = user(contoso, "kelley");
        subscription = cloud(kelley);
        otherSubscription = cloud(kelley);
    }

    private UUID cloud(User admin) {
        UUID id = UUID.randomUUID();
        stores.clouds()
                .insert(new CloudSubscription(
                        id, admin.tenantId(), "Dev", "MS-AZR-0044P", CloudSubscription.State.ENABLED, admin.id(), NOW));
        return id;
    }

    private ResourceGroupRepository groups() {
        return stores.groups();
    }

    private ResourceGroup group(UUID subscriptionId, String name, String location, Map<String, String> tags) {
        return new ResourceGroup(subscriptionId, name, location, tags, NOW);
    }

    @Test
    @DisplayName("issue 8: an upsert creates a group, found by its name ignoring case")
    void upsertCreatesAGroupFoundIgnoringCase() {
        ResourceGroup group = group(subscription, "RG-App", "westeurope", Map.of("env", "dev"));

        assertThat(groups().upsert(group)).isTrue();

        assertThat(groups().find(subscription, "rg-app")).contains(group);
        assertThat(groups().find(otherSubscription, "rg-app")).isEmpty();
    }

    @Test
    @DisplayName("issue 8: an upsert of an existing group changes only its tags")
    void upsertOfAnExistingGroupChangesOnlyItsTags() {
        ResourceGroup original = group(subscription, "RG-App", "westeurope", Map.of("env", "dev"));
        groups().upsert(original);
        ResourceGroup changed = new ResourceGroup(
                subscription, "rg-APP", "eastus", Map.of("env", "prod", "team", "a"), NOW.plusSeconds(60));

        assertThat(groups().upsert(changed)).isFalse();

        assertThat(groups().find(subscription, "RG-App"))
                .contains(group(subscription, "RG-App", "westeurope", Map.of("env", "prod", "team", "a")));
        assertThat(groups().list(subscription)).hasSize(1);
    }

    @Test
    @DisplayName("issue 8: a subscription's groups are listed by name ignoring case")
    void listIsByNameIgnoringCase() {
        groups().upsert(group(subscription, "charlie", "westeurope", Map.of()));
        groups().upsert(group(subscription, "Bravo", "westeurope", Map.of()));
        groups().upsert(group(subscription, "alpha", "westeurope", Map.of()));
        groups().upsert(group(otherSubscription, "Aardvark", "westeurope", Map.of()));

        assertThat(groups().list(subscription))
                .extracting(ResourceGroup::name)
                .containsExactly("alpha", "Bravo", "charlie");
    }

    @Test
    @DisplayName("issue 8: a group is deleted by its name ignoring case, in its subscription only")
    void deleteIgnoresCaseWithinTheSubscription() {
        groups().upsert(group(subscription, "RG-App", "westeurope", Map.of()));
        groups().upsert(group(otherSubscription, "RG-App", "westeurope", Map.of()));

        assertThat(groups().delete(subscription, "rg-app")).isTrue();
        assertThat(groups().delete(subscription, "rg-app")).isFalse();
        assertThat(groups().find(subscription, "RG-App")).isEmpty();
        assertThat(groups().find(otherSubscription, "RG-App")).isPresent();
    }
}
