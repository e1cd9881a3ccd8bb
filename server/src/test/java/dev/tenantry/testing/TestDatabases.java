package dev.tenantry.testing;

import dev.tenantry.storage.Database;
import java.util.Optional;
import java.util.UUID;

/** Fresh databases for repository contracts: a private in-memory H2 in PostgreSQL mode, migrated by Flyway. */
public final class TestDatabases {

    private TestDatabases() {}

    /** A new, empty, migrated H2 database that lives until it is closed. */
    public static Database h2() {
        return Database.open(Database.h2MemoryUrl(UUID.randomUUID().toString()), "sa", "");
    }

    /**
     * A new, empty, migrated database on the test PostgreSQL server ({@code TENANTRY_TEST_PG_URL}), dropped when it is
     * closed; empty when no test server is configured.
     */
    public static Optional<Throwaway> postgres() {
        PostgresDatabases server = PostgresDatabases.fromEnv(System.getenv());
        if (server == null) {
            return Optional.empty();
        }
        String url = server.create();
        try {
            Database database = Database.open(url, server.user(), server.password());
            return Optional.of(new Throwaway(database, () -> server.drop(url)));
        } catch (RuntimeException e) { // a migration failed: leave no database behind
            server.drop(url);
            throw e;
        }
    }

    /** A database that is dropped when it is closed. */
    public record Throwaway(Database database, Runnable drop) implements AutoCloseable {
        @Override
        public void close() {
            database.close();
            drop.run();
        }
    }
}
