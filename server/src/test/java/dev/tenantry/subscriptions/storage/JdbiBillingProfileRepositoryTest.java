package dev.tenantry.subscriptions.storage;

import dev.tenantry.subscriptions.BillingProfileRepositoryContract;
import dev.tenantry.testing.H2Stores;

class JdbiBillingProfileRepositoryTest extends BillingProfileRepositoryContract {

    JdbiBillingProfileRepositoryTest() {
        super(new H2Stores());
    }
}
