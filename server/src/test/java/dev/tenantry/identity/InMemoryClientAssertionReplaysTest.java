package dev.tenantry.identity;

import dev.tenantry.testing.InMemoryClientAssertionReplays;
import dev.tenantry.testing.InMemoryStores;

class InMemoryClientAssertionReplaysTest extends ClientAssertionReplaysContract {

    InMemoryClientAssertionReplaysTest() {
        super(new InMemoryStores(), stores -> new InMemoryClientAssertionReplays());
    }
}
