package dev.tenantry.testing;

import dev.tenantry.directory.TenantRepository;
import dev.tenantry.directory.UserRepository;
import dev.tenantry.directory.UserRepositoryContract;

class InMemoryUserRepositoryTest extends UserRepositoryContract {

    private final InMemoryTenantRepository tenants = new InMemoryTenantRepository();
    private final InMemoryUserRepository users = new InMemoryUserRepository();

    @Override
    protected UserRepository users() {
        return users;
    }

    @Override
    protected TenantRepository tenants() {
        return tenants;
    }
}
