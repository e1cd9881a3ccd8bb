package dev.tenantry.identity.storage;

import dev.tenantry.identity.LockoutRepositoryContract;
import dev.tenantry.testing.H2Stores;

class JdbiLockoutRepositoryTest extends LockoutRepositoryContract {

    JdbiLockoutRepositoryTest() {
        super(new H2Stores());
    }
}
