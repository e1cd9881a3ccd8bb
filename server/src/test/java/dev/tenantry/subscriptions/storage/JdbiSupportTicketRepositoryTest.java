package dev.tenantry.subscriptions.storage;

import dev.tenantry.subscriptions.SupportTicketRepositoryContract;
import dev.tenantry.testing.H2Stores;

class JdbiSupportTicketRepositoryTest extends SupportTicketRepositoryContract {

    JdbiSupportTicketRepositoryTest() {
        super(new H2Stores());
    }
}
