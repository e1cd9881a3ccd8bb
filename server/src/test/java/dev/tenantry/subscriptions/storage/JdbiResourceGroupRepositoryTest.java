package dev.tenantry.subscriptions.storage;

import dev.tenantry.subscriptions.ResourceGroupRepositoryContract;
import dev.tenantry.testing.H2Stores;

class JdbiResourceGroupRepositoryTest extends ResourceGroupRepositoryContract {

    JdbiResourceGroupRepositoryTest() {
        super(new H2Stores());
    }
}
