package dev.tenantry.testing;

import dev.tenantry.directory.ApplicationRepositoryContract;

class InMemoryApplicationRepositoryTest extends ApplicationRepositoryContract {

    InMemoryApplicationRepositoryTest() {
        super(new InMemoryStores());
    }
}
