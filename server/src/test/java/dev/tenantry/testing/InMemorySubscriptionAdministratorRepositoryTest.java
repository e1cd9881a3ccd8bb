package dev.tenantry.testing;

import dev.tenantry.subscriptions.SubscriptionAdministratorRepositoryContract;

class InMemorySubscriptionAdministratorRepositoryTest extends SubscriptionAdministratorRepositoryContract {

    InMemorySubscriptionAdministratorRepositoryTest() {
        super(new InMemoryStores());
    }
}
