package dev.tenantry.directory.storage;

import dev.tenantry.directory.GuestRepositoryContract;
import dev.tenantry.testing.H2Stores;

class JdbiGuestRepositoryTest extends GuestRepositoryContract {

    JdbiGuestRepositoryTest() {
        super(new H2Stores());
    }
}
