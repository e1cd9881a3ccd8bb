package dev.tenantry.directory.storage;

import dev.tenantry.directory.KeyCredentialRepositoryContract;
import dev.tenantry.testing.H2Stores;

class JdbiKeyCredentialRepositoryTest extends KeyCredentialRepositoryContract {

    JdbiKeyCredentialRepositoryTest() {
        super(new H2Stores(), stores -> new JdbiKeyCredentialRepository(stores.jdbi()));
    }
}
