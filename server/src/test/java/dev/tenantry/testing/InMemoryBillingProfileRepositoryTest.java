package dev.tenantry.testing;

import dev.tenantry.subscriptions.BillingProfileRepositoryContract;

class InMemoryBillingProfileRepositoryTest extends BillingProfileRepositoryContract {

    InMemoryBillingProfileRepositoryTest() {
        super(new InMemoryStores());
    }
}
