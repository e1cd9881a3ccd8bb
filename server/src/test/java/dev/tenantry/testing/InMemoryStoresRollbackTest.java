package dev.tenantry.testing;

class InMemoryStoresRollbackTest extends TransactionRollbackContract {

    InMemoryStoresRollbackTest() {
        super(new InMemoryStores());
    }
}
