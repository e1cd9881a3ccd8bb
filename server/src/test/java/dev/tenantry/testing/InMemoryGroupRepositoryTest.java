package dev.tenantry.testing;

import dev.tenantry.directory.GroupRepositoryContract;

class InMemoryGroupRepositoryTest extends GroupRepositoryContract {

    InMemoryGroupRepositoryTest() {
        super(new InMemoryStores());
    }
}
