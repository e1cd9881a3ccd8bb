package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.User;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.testing.ContractStores;
import dev.tenantry.testing.RepositoryContract;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link SupportTicketRepository} does (issue 10), on the fake and on SQL. */
public abstract class SupportTicketRepositoryContract extends RepositoryContract {

    private CloudSubscription subscription;
    private CloudSubscription other;

    protected SupportTicketRepositoryContract(ContractStores stores) {
        super(stores);
    }

    @BeforeEach
    void insertSubscriptions() {
        User kelley = user(contoso, "kelley");
        subscription = cloud(kelley);
        other = cloud(kelley);
    }

    private CloudSubscription cloud(User admin) {
        CloudSubscription cloud = new CloudSubscription(
                UUID.randomUUID(),
                admin.tenantId(),
                "Dev",
                "MS-AZR-0003P",
                CloudSubscription.State.ENABLED,
                admin.id(),
                NOW);
        stores.clouds().insert(cloud);
        return cloud;
    }

    private SupportTicket ticket(CloudSubscription in, String name, String number, Instant createdAt) {
        return new SupportTicket(
                UUID.randomUUID(),
                in.id(),
                name,
                number,
                "Cannot create a resource group",
                "It fails with a 409.",
                "/providers/Microsoft.Support/services/abc",
                "/providers/Microsoft.Support/services/abc/problemClassifications/def",
                SupportTicket.Severity.MODERATE,
                SupportTicket.Status.OPEN,
                new SupportTicket.Contact(
                        "Kelley",
                        "Wall",
                        "kelley@contoso.test",
                        SupportTicket.ContactMethod.PHONE,
                        "+1 425 555 0100",
                        "Pacific Standard Time",
                        "usa",
                        "en-US"),
                UUID.randomUUID(),
                createdAt);
    }

    @Test
    @DisplayName("issue 10: a support ticket is found by name in its subscription only, every field kept")
    void ticketIsFoundByNameInItsSubscription() {
        SupportTicket ticket = ticket(subscription, "ticket-1", "2506150000000001", NOW);
        stores.supportTickets().insert(ticket);

        assertThat(stores.supportTickets().findByName(subscription.id(), "ticket-1"))
                .contains(ticket);
        assertThat(stores.supportTickets().findByName(other.id(), "ticket-1")).isEmpty();
    }

    @Test
    @DisplayName("issue 10: a ticket's name is unique in its subscription, not on the server")
    void nameIsUniquePerSubscription() {
        stores.supportTickets().insert(ticket(subscription, "ticket-1", "2506150000000001", NOW));

        assertThatThrownBy(
                        () -> stores.supportTickets().insert(ticket(subscription, "ticket-1", "2506150000000002", NOW)))
                .isInstanceOf(ConflictException.class);
        stores.supportTickets().insert(ticket(other, "ticket-1", "2506150000000003", NOW));
        assertThat(stores.supportTickets().bySubscription(other.id())).hasSize(1);
    }

    @Test
    @DisplayName("issue 10: a subscription's tickets are listed newest first")
    void listIsNewestFirst() {
        SupportTicket older = ticket(subscription, "a", "2506150000000001", NOW);
        SupportTicket newer = ticket(subscription, "b", "2506150000000002", NOW.plusSeconds(60));
        stores.supportTickets().insert(older);
        stores.supportTickets().insert(newer);
        stores.supportTickets().insert(ticket(other, "c", "2506150000000003", NOW));

        assertThat(stores.supportTickets().bySubscription(subscription.id())).containsExactly(newer, older);
    }
}
