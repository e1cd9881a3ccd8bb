package dev.tenantry.testing;

import dev.tenantry.storage.Database;
import java.util.UUID;

/** Fresh databases for repository contracts: a private in-memory H2 in PostgreSQL mode, migrated by Flyway. */
public final class TestDatabases {

    private TestDatabases() {}

    /** A new, empty, migrated H2 database that lives until it is closed. */
    public static Database h2() {
        return Database.open(Database.h2MemoryUrl(UUID.randomUUID().toString()), "sa", "");
    }
}
