package dev.tenantry.directory.storage;

import dev.tenantry.directory.TenantRepository;
import dev.tenantry.directory.TenantRepositoryContract;
import dev.tenantry.storage.Database;
import dev.tenantry.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;

class JdbiTenantRepositoryTest extends TenantRepositoryContract {

    private final Database database = TestDatabases.h2();
    private final TenantRepository tenants = new JdbiTenantRepository(database.jdbi());

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Override
    protected TenantRepository tenants() {
        return tenants;
    }
}
