package dev.tenantry.testing;

import dev.tenantry.identity.WebSessionRepository;
import dev.tenantry.identity.WebSessionRepositoryContract;

class InMemoryWebSessionRepositoryTest extends WebSessionRepositoryContract {

    private final WebSessionRepository sessions = new InMemoryWebSessionRepository();

    InMemoryWebSessionRepositoryTest() {
        super(new InMemoryStores());
    }

    @Override
    protected WebSessionRepository sessions() {
        return sessions;
    }
}
