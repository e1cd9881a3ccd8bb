package dev.tenantry.testing;

import dev.tenantry.shared.ServerSecrets;
import dev.tenantry.shared.ServerSecretsContract;

class InMemoryServerSecretsTest extends ServerSecretsContract {

    private final ServerSecrets secrets = new InMemoryServerSecrets();

    @Override
    protected ServerSecrets secrets() {
        return secrets;
    }
}
