package dev.tenantry.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.testing.ContractStores;
import dev.tenantry.testing.RepositoryContract;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link ActivityLogRepository} does, on the fake and on SQL. */
public abstract class ActivityLogRepositoryContract extends RepositoryContract {

    private final UUID subscription = UUID.randomUUID();

    protected ActivityLogRepositoryContract(ContractStores stores) {
        super(stores);
    }

    private ActivityEvent insert(UUID subscriptionId, String resourceGroup, Instant at) {
        ActivityEvent event = new ActivityEvent(
                UUID.randomUUID(),
                contoso.id(),
                subscriptionId,
                resourceGroup,
                at,
                "Microsoft.Authorization/roleAssignments/write",
                "Microsoft.Authorization/roleAssignments",
                "/subscriptions/" + subscriptionId + "/providers/Microsoft.Authorization/roleAssignments/x",
                "/subscriptions/" + subscriptionId,
                "Created",
                resourceGroup == null ? UUID.randomUUID() : null,
                "kelley@contoso.onmicrosoft.test",
                UUID.randomUUID());
        stores.activityLog().insert(event);
        return event;
    }

    @Test
    @DisplayName("issue 10: a subscription's entries in a time window, both ends included, newest first")
    void entriesInTheWindowNewestFirst() {
        ActivityEvent early = insert(subscription, null, NOW.minusSeconds(60));
        ActivityEvent late = insert(subscription, "rg", NOW);
        insert(subscription, null, NOW.minusSeconds(120));
        insert(UUID.randomUUID(), null, NOW);

        assertThat(stores.activityLog().list(contoso.id(), subscription, NOW.minusSeconds(60), NOW, null, null, 10))
                .containsExactly(late, early);
        assertThat(stores.activityLog().list(contoso.id(), subscription, NOW.minusSeconds(600), NOW, null, null, 1))
                .containsExactly(late);
    }

    @Test
    @DisplayName("R14: a subscription's entries written under another directory (before a move) are that directory's")
    void entriesOfAnotherDirectoryStayThere() {
        ActivityEvent mine = insert(subscription, null, NOW);
        stores.activityLog()
                .insert(new ActivityEvent(
                        UUID.randomUUID(),
                        fabrikam.id(),
                        subscription,
                        null,
                        NOW,
                        mine.operationName(),
                        mine.resourceType(),
                        mine.resourceId(),
                        mine.authorizationScope(),
                        "OK",
                        null,
                        "alex@fabrikam.onmicrosoft.test",
                        UUID.randomUUID()));

        assertThat(stores.activityLog().list(contoso.id(), subscription, NOW.minusSeconds(1), NOW, null, null, 10))
                .containsExactly(mine);
    }

    @Test
    @DisplayName("issue 10: a resource group's or a provider's entries only, compared without case")
    void entriesOfOneResourceGroupOrProvider() {
        ActivityEvent inGroup = insert(subscription, "rg-App", NOW);
        insert(subscription, "rg-data", NOW);
        insert(subscription, null, NOW);

        assertThat(stores.activityLog().list(contoso.id(), subscription, NOW.minusSeconds(1), NOW, "RG-APP", null, 10))
                .containsExactly(inGroup);
        assertThat(stores.activityLog()
                        .list(
                                contoso.id(),
                                subscription,
                                NOW.minusSeconds(1),
                                NOW,
                                null,
                                "microsoft.authorization",
                                10))
                .hasSize(3);
        assertThat(stores.activityLog()
                        .list(contoso.id(), subscription, NOW.minusSeconds(1), NOW, null, "Microsoft.Resources", 10))
                .isEmpty();
    }
}
