package dev.tenantry.subscriptions.storage;

import dev.tenantry.subscriptions.ManagedIdentityRepositoryContract;
import dev.tenantry.testing.H2Stores;

class JdbiManagedIdentityRepositoryTest extends ManagedIdentityRepositoryContract {

    JdbiManagedIdentityRepositoryTest() {
        super(new H2Stores(), stores -> new JdbiManagedIdentityRepository(((H2Stores) stores).jdbi()));
    }
}
