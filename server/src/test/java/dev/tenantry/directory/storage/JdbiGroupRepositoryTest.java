package dev.tenantry.directory.storage;

import dev.tenantry.directory.GroupRepositoryContract;
import dev.tenantry.testing.H2Stores;

class JdbiGroupRepositoryTest extends GroupRepositoryContract {

    JdbiGroupRepositoryTest() {
        super(new H2Stores());
    }
}
