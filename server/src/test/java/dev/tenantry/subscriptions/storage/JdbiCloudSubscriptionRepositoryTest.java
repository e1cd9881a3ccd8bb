package dev.tenantry.subscriptions.storage;

import dev.tenantry.subscriptions.CloudSubscriptionRepositoryContract;
import dev.tenantry.testing.H2Stores;

class JdbiCloudSubscriptionRepositoryTest extends CloudSubscriptionRepositoryContract {

    JdbiCloudSubscriptionRepositoryTest() {
        super(new H2Stores());
    }
}
