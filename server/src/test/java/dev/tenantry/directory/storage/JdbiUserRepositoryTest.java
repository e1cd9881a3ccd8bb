package dev.tenantry.directory.storage;

import dev.tenantry.directory.TenantRepository;
import dev.tenantry.directory.UserRepository;
import dev.tenantry.directory.UserRepositoryContract;
import dev.tenantry.storage.Database;
import dev.tenantry.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;

class JdbiUserRepositoryTest extends UserRepositoryContract {

    private final Database database = TestDatabases.h2();
    private final TenantRepository tenants = new JdbiTenantRepository(database.jdbi());
    private final UserRepository users = new JdbiUserRepository(database.jdbi());

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Override
    protected UserRepository users() {
        return users;
    }

    @Override
    protected TenantRepository tenants() {
        return tenants;
    }
}
