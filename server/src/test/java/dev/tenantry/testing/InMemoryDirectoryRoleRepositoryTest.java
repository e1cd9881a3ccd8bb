package dev.tenantry.testing;

import dev.tenantry.directory.DirectoryRoleRepositoryContract;

class InMemoryDirectoryRoleRepositoryTest extends DirectoryRoleRepositoryContract {

    InMemoryDirectoryRoleRepositoryTest() {
        super(new InMemoryStores());
    }
}
