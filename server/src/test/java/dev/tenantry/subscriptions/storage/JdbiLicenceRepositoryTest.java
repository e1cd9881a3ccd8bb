package dev.tenantry.subscriptions.storage;

import dev.tenantry.subscriptions.LicenceRepositoryContract;
import dev.tenantry.testing.H2Stores;

class JdbiLicenceRepositoryTest extends LicenceRepositoryContract {

    JdbiLicenceRepositoryTest() {
        super(new H2Stores());
    }
}
