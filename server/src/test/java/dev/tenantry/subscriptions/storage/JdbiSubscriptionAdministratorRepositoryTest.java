package dev.tenantry.subscriptions.storage;

import dev.tenantry.subscriptions.SubscriptionAdministratorRepositoryContract;
import dev.tenantry.testing.H2Stores;

class JdbiSubscriptionAdministratorRepositoryTest extends SubscriptionAdministratorRepositoryContract {

    JdbiSubscriptionAdministratorRepositoryTest() {
        super(new H2Stores());
    }
}
