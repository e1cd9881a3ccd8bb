package dev.tenantry.storage;

import dev.tenantry.shared.CacheGeneration;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The shared cache generation in the {@code cache_generation} row. A bump inside a transaction waits for its commit
 * (on its own connection, so it takes no lock the transaction could wait on); a node that reads the new generation
 * therefore also reads what the transaction wrote.
 */
public final class JdbiCacheGeneration implements CacheGeneration {

    private static final String NAME = "directory";

    private final Jdbi jdbi;
    private final AtomicLong localBumps = new AtomicLong();

    public JdbiCacheGeneration(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public long current() {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT generation FROM cache_generation WHERE name = :name")
                        .bind("name", NAME)
                        .mapTo(Long.class)
                        .findOne()
                        .orElse(0L));
    }

    @Override
    public void bump() {
        jdbi.useHandle(handle -> {
            if (handle.isInTransaction()) {
                handle.afterCommit(this::bumpNow);
            } else {
                bumpNow();
            }
        });
    }

    private void bumpNow() {
        try (Handle own = jdbi.open()) {
            own.createUpdate("UPDATE cache_generation SET generation = generation + 1 WHERE name = :name")
                    .bind("name", NAME)
                    .execute();
        } finally {
            localBumps.incrementAndGet();
        }
    }

    @Override
    public long localBumps() {
        return localBumps.get();
    }
}
