package dev.tenantry.identity;

import dev.tenantry.shared.CacheGeneration;
import dev.tenantry.shared.GenerationCache;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Lockout states as each node last read them (issue 13): every sign-in and every client-credentials token reads the
 * state of its subject, and it is almost always "no failures", so the read is served from memory. Counting is not
 * cached: each failure is recorded in the database as one atomic step, as before. Every write (a failure, a reset
 * after success, a purge) moves a generation of its own in the database after it commits; a node compares it at most
 * every {@link GenerationCache#CHECK_EVERY}, so a lock recorded on one node is enforced on every node within that
 * bound, and at once on the node that recorded it. A lock ends on time whatever the cache holds (its end is compared
 * with the clock at each check). Absence is cached too: it is the common case.
 */
public final class CachedLockoutRepository implements LockoutRepository {

    /** What the database said about a subject, including that it has no state. */
    private record Known(Optional<Lockout> state) {}

    private final LockoutRepository stored;
    private final CacheGeneration generation;
    private final GenerationCache cache;

    public CachedLockoutRepository(LockoutRepository stored, CacheGeneration generation, GenerationCache cache) {
        this.stored = stored;
        this.generation = generation;
        this.cache = cache;
    }

    /** {@code stored} cached over {@code generation} with the standard bound. */
    public static CachedLockoutRepository over(LockoutRepository stored, CacheGeneration generation) {
        return new CachedLockoutRepository(stored, generation, GenerationCache.over(generation));
    }

    @Override
    public Optional<Lockout> find(String subject) {
        return cache.get(subject, () -> new Known(stored.find(subject))).state();
    }

    @Override
    public Lockout update(String subject, UnaryOperator<Lockout> change) {
        try {
            return stored.update(subject, change);
        } finally {
            generation.bump();
        }
    }

    @Override
    public void delete(String subject) {
        try {
            stored.delete(subject);
        } finally {
            generation.bump();
        }
    }

    @Override
    public int deleteStale(Instant staleBefore, Instant now) {
        try {
            return stored.deleteStale(staleBefore, now);
        } finally {
            generation.bump();
        }
    }
}
