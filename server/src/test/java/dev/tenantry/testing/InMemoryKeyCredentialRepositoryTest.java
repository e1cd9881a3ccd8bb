package dev.tenantry.testing;

import dev.tenantry.directory.KeyCredentialRepositoryContract;

class InMemoryKeyCredentialRepositoryTest extends KeyCredentialRepositoryContract {

    InMemoryKeyCredentialRepositoryTest() {
        super(new InMemoryStores(), stores -> new InMemoryKeyCredentialRepository());
    }
}
