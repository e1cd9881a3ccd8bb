package dev.tenantry.testing;

import dev.tenantry.subscriptions.ResourceGroupRepositoryContract;

class InMemoryResourceGroupRepositoryTest extends ResourceGroupRepositoryContract {

    InMemoryResourceGroupRepositoryTest() {
        super(new InMemoryStores());
    }
}
