package dev.tenantry.testing;

import dev.tenantry.subscriptions.LicenceRepositoryContract;

class InMemoryLicenceRepositoryTest extends LicenceRepositoryContract {

    InMemoryLicenceRepositoryTest() {
        super(new InMemoryStores());
    }
}
