package dev.tenantry.testing;

import dev.tenantry.access.ActivityLogRepositoryContract;

class InMemoryActivityLogRepositoryTest extends ActivityLogRepositoryContract {

    InMemoryActivityLogRepositoryTest() {
        super(new InMemoryStores());
    }
}
