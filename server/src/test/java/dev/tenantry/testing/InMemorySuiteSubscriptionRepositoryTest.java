package dev.tenantry.testing;

import dev.tenantry.subscriptions.SuiteSubscriptionRepositoryContract;

class InMemorySuiteSubscriptionRepositoryTest extends SuiteSubscriptionRepositoryContract {

    InMemorySuiteSubscriptionRepositoryTest() {
        super(new InMemoryStores());
    }
}
