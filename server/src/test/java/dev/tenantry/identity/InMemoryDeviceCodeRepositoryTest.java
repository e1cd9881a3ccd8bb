package dev.tenantry.identity;

import dev.tenantry.testing.InMemoryDeviceCodeRepository;
import dev.tenantry.testing.InMemoryStores;

class InMemoryDeviceCodeRepositoryTest extends DeviceCodeRepositoryContract {

    InMemoryDeviceCodeRepositoryTest() {
        super(new InMemoryStores(), stores -> new InMemoryDeviceCodeRepository());
    }
}
