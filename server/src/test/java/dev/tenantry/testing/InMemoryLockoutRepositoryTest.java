package dev.tenantry.testing;

import dev.tenantry.identity.LockoutRepositoryContract;

class InMemoryLockoutRepositoryTest extends LockoutRepositoryContract {

    InMemoryLockoutRepositoryTest() {
        super(new InMemoryStores());
    }
}
