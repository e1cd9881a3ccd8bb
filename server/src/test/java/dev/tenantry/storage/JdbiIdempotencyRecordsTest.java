package dev.tenantry.storage;

import dev.tenantry.shared.IdempotencyRecords;
import dev.tenantry.shared.IdempotencyRecordsContract;
import dev.tenantry.testing.H2Stores;
import org.junit.jupiter.api.AfterEach;

class JdbiIdempotencyRecordsTest extends IdempotencyRecordsContract {

    private final H2Stores stores = new H2Stores();
    private final IdempotencyRecords records = new JdbiIdempotencyRecords(stores.jdbi());

    @AfterEach
    void closeStores() {
        stores.close();
    }

    @Override
    protected IdempotencyRecords records() {
        return records;
    }
}
