package dev.tenantry.testing;

import dev.tenantry.access.RoleAssignmentRepositoryContract;

class InMemoryRoleAssignmentRepositoryTest extends RoleAssignmentRepositoryContract {

    InMemoryRoleAssignmentRepositoryTest() {
        super(new InMemoryStores());
    }
}
