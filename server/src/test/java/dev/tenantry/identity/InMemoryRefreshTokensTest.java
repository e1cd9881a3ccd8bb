package dev.tenantry.identity;

import dev.tenantry.testing.InMemoryStores;

class InMemoryRefreshTokensTest extends RefreshTokenRepositoryContract {

    InMemoryRefreshTokensTest() {
        super(new InMemoryStores(), stores -> new InMemoryIdentityStores.RefreshTokens());
    }
}
