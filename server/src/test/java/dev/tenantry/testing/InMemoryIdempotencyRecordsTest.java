package dev.tenantry.testing;

import dev.tenantry.shared.IdempotencyRecords;
import dev.tenantry.shared.IdempotencyRecordsContract;

class InMemoryIdempotencyRecordsTest extends IdempotencyRecordsContract {

    private final IdempotencyRecords records = new InMemoryIdempotencyRecords();

    @Override
    protected IdempotencyRecords records() {
        return records;
    }
}
