package dev.tenantry.testing;

import dev.tenantry.storage.Database;
import java.util.UUID;

/** Fresh databases for repository contracts: a private in-memory H2 in PostgreSQL mode, migrated by Flyway. */
public final class TestDatabases {

    private TestDatabases() {}

    /** A new, empty, migrated H2 database that lives until it is closed. */
    public static Database h2() {
        return Database.open(
                "jdbc:h2:mem:" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "sa",
                "");
    }
}
