package dev.tenantry.identity.storage;

import dev.tenantry.identity.WebSessionRepository;
import dev.tenantry.identity.WebSessionRepositoryContract;
import dev.tenantry.testing.H2Stores;

class JdbiWebSessionRepositoryTest extends WebSessionRepositoryContract {

    JdbiWebSessionRepositoryTest() {
        super(new H2Stores());
    }

    @Override
    protected WebSessionRepository sessions() {
        return new JdbiWebSessionRepository(((H2Stores) stores).jdbi());
    }
}
