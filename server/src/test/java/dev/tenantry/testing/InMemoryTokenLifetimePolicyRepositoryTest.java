package dev.tenantry.testing;

import dev.tenantry.directory.TokenLifetimePolicyRepositoryContract;

class InMemoryTokenLifetimePolicyRepositoryTest extends TokenLifetimePolicyRepositoryContract {

    InMemoryTokenLifetimePolicyRepositoryTest() {
        super(new InMemoryStores(), stores -> new InMemoryTokenLifetimePolicyRepository(stores.applications()));
    }
}
