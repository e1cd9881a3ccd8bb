package dev.tenantry.subscriptions.storage;

import dev.tenantry.subscriptions.SuiteSubscriptionRepositoryContract;
import dev.tenantry.testing.H2Stores;

class JdbiSuiteSubscriptionRepositoryTest extends SuiteSubscriptionRepositoryContract {

    JdbiSuiteSubscriptionRepositoryTest() {
        super(new H2Stores());
    }
}
