package dev.tenantry.identity.storage;

import dev.tenantry.identity.ClientAssertionReplaysContract;
import dev.tenantry.testing.H2Stores;

class JdbiClientAssertionReplaysTest extends ClientAssertionReplaysContract {

    JdbiClientAssertionReplaysTest() {
        super(new H2Stores(), stores -> new JdbiClientAssertionReplays(stores.jdbi()));
    }
}
