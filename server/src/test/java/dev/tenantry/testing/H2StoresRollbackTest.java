package dev.tenantry.testing;

class H2StoresRollbackTest extends TransactionRollbackContract {

    H2StoresRollbackTest() {
        super(new H2Stores());
    }
}
