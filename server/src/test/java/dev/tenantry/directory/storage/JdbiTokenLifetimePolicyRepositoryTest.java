package dev.tenantry.directory.storage;

import dev.tenantry.directory.TokenLifetimePolicyRepositoryContract;
import dev.tenantry.testing.H2Stores;

class JdbiTokenLifetimePolicyRepositoryTest extends TokenLifetimePolicyRepositoryContract {

    JdbiTokenLifetimePolicyRepositoryTest() {
        super(new H2Stores(), stores -> new JdbiTokenLifetimePolicyRepository(stores.jdbi()));
    }
}
