package dev.tenantry.testing;

import dev.tenantry.directory.TenantRepository;
import dev.tenantry.directory.TenantRepositoryContract;

class InMemoryTenantRepositoryTest extends TenantRepositoryContract {

    private final InMemoryTenantRepository tenants = new InMemoryTenantRepository();

    @Override
    protected TenantRepository tenants() {
        return tenants;
    }
}
