package dev.tenantry.directory.storage;

import dev.tenantry.directory.ApplicationRepositoryContract;
import dev.tenantry.testing.H2Stores;

class JdbiApplicationRepositoryTest extends ApplicationRepositoryContract {

    JdbiApplicationRepositoryTest() {
        super(new H2Stores());
    }
}
