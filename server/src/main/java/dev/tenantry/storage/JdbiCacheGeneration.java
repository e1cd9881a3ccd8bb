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

    private final Jdbi jdbi;
    private final String name;
    private final AtomicLong localBumps = new AtomicLong();

    /** The generation of the token path's directory reads (applications, secrets, service principals, roles). */
    public JdbiCacheGeneration(Jdbi jdbi) {
        this(jdbi, "directory");
    }

    /** The generation in the row {@code name} (a migration creates each: 'directory', 'lockouts'). */
    public JdbiCacheGeneration(Jdbi jdbi, String name) {
        this.jdbi = jdbi;
        this.name = name;
    }

    @Override
    public long current() {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT generation FROM cache_generation WHERE name = :name")
                        .bind("name", name)
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
                    .bind("name", name)
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
