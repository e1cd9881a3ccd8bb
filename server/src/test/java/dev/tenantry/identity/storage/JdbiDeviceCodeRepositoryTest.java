package dev.tenantry.identity.storage;

import dev.tenantry.identity.DeviceCodeRepositoryContract;
import dev.tenantry.testing.H2Stores;

class JdbiDeviceCodeRepositoryTest extends DeviceCodeRepositoryContract {

    JdbiDeviceCodeRepositoryTest() {
        super(new H2Stores(), stores -> new JdbiDeviceCodeRepository(stores.jdbi()));
    }
}
