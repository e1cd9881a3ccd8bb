package dev.tenantry.identity.storage;

import dev.tenantry.identity.RefreshTokenRepositoryContract;
import dev.tenantry.testing.H2Stores;

class JdbiRefreshTokenRepositoryTest extends RefreshTokenRepositoryContract {

    JdbiRefreshTokenRepositoryTest() {
        super(new H2Stores(), stores -> new JdbiRefreshTokenRepository(stores.jdbi()));
    }
}
