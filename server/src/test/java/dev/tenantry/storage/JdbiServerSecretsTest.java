package dev.tenantry.storage;

import dev.tenantry.shared.ServerSecrets;
import dev.tenantry.shared.ServerSecretsContract;
import dev.tenantry.testing.H2Stores;
import org.junit.jupiter.api.AfterEach;

class JdbiServerSecretsTest extends ServerSecretsContract {

    private final H2Stores stores = new H2Stores();
    private final ServerSecrets secrets = new JdbiServerSecrets(stores.jdbi(), MasterKey.of(new byte[32]));

    @AfterEach
    void closeStores() {
        stores.close();
    }

    @Override
    protected ServerSecrets secrets() {
        return secrets;
    }
}
