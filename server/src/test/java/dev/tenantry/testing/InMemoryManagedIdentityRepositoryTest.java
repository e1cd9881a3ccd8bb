package dev.tenantry.testing;

import dev.tenantry.subscriptions.ManagedIdentityRepositoryContract;

class InMemoryManagedIdentityRepositoryTest extends ManagedIdentityRepositoryContract {

    InMemoryManagedIdentityRepositoryTest() {
        super(new InMemoryStores(), stores -> new InMemoryManagedIdentityRepository());
    }
}
