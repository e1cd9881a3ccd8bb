package dev.tenantry.testing;

import dev.tenantry.subscriptions.SupportTicketRepositoryContract;

class InMemorySupportTicketRepositoryTest extends SupportTicketRepositoryContract {

    InMemorySupportTicketRepositoryTest() {
        super(new InMemoryStores());
    }
}
