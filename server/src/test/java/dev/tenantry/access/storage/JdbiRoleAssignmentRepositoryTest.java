package dev.tenantry.access.storage;

import dev.tenantry.access.RoleAssignmentRepositoryContract;
import dev.tenantry.testing.H2Stores;

class JdbiRoleAssignmentRepositoryTest extends RoleAssignmentRepositoryContract {

    JdbiRoleAssignmentRepositoryTest() {
        super(new H2Stores());
    }
}
