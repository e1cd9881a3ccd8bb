package dev.tenantry.testing;

import dev.tenantry.subscriptions.CloudSubscriptionRepositoryContract;

class InMemoryCloudSubscriptionRepositoryTest extends CloudSubscriptionRepositoryContract {

    InMemoryCloudSubscriptionRepositoryTest() {
        super(new InMemoryStores());
    }
}
