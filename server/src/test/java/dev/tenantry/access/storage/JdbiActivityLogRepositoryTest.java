package dev.tenantry.access.storage;

import dev.tenantry.access.ActivityLogRepositoryContract;
import dev.tenantry.testing.H2Stores;

class JdbiActivityLogRepositoryTest extends ActivityLogRepositoryContract {

    JdbiActivityLogRepositoryTest() {
        super(new H2Stores());
    }
}
