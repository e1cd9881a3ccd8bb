package dev.tenantry.testing;

import dev.tenantry.directory.GuestRepositoryContract;

class InMemoryGuestRepositoryTest extends GuestRepositoryContract {

    InMemoryGuestRepositoryTest() {
        super(new InMemoryStores());
    }
}
