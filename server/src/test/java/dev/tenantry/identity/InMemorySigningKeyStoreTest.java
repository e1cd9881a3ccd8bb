package dev.tenantry.identity;

class InMemorySigningKeyStoreTest extends SigningKeyRepositoryContract {

    private final SigningKeyRepository keys = new InMemoryIdentityStores.SigningKeyStore();

    @Override
    protected SigningKeyRepository keys() {
        return keys;
    }
}
