package dev.tenantry.directory.storage;

import dev.tenantry.directory.DirectoryRoleRepositoryContract;
import dev.tenantry.testing.H2Stores;

class JdbiDirectoryRoleRepositoryTest extends DirectoryRoleRepositoryContract {

    JdbiDirectoryRoleRepositoryTest() {
        super(new H2Stores());
    }
}
