package dev.tenantry.identity.storage;

import dev.tenantry.identity.SigningKeyRepository;
import dev.tenantry.identity.SigningKeyRepositoryContract;
import dev.tenantry.storage.MasterKey;
import dev.tenantry.testing.H2Stores;
import org.junit.jupiter.api.AfterEach;

class JdbiSigningKeyRepositoryTest extends SigningKeyRepositoryContract {

    private final H2Stores stores = new H2Stores();
    private final SigningKeyRepository keys = new JdbiSigningKeyRepository(stores.jdbi(), MasterKey.of(new byte[32]));

    @AfterEach
    void closeStores() {
        stores.close();
    }

    @Override
    protected SigningKeyRepository keys() {
        return keys;
    }
}
