package dev.tenantry.identity.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.identity.CachedLockoutRepository;
import dev.tenantry.identity.Lockout;
import dev.tenantry.identity.LockoutRepository;
import dev.tenantry.shared.GenerationCache;
import dev.tenantry.storage.JdbiCacheGeneration;
import dev.tenantry.testing.H2Stores;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the lockout state each node caches, over one SQL database as two nodes share it. Each node has its own
 * cache and its own view of the 'lockouts' generation (as two processes would); time is each node's own clock.
 */
class CachedLockoutRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final String CLIENT = "client:tenant:app";

    private final H2Stores database = new H2Stores();
    private final Node a = new Node();
    private final Node b = new Node();

    /** A node: the SQL repository behind a cache of its own, counting the reads that reach the database. */
    private final class Node {
        final AtomicLong nanos = new AtomicLong(1_000);
        final AtomicInteger databaseReads = new AtomicInteger();
        final CachedLockoutRepository lockouts;

        Node() {
            JdbiCacheGeneration generation = new JdbiCacheGeneration(database.jdbi(), "lockouts");
            JdbiLockoutRepository sql = new JdbiLockoutRepository(database.jdbi());
            LockoutRepository stored = new LockoutRepository() {
                @Override
                public Optional<Lockout> find(String subject) {
                    databaseReads.incrementAndGet();
                    return sql.find(subject);
                }

                @Override
                public Lockout update(String subject, UnaryOperator<Lockout> change) {
                    return sql.update(subject, change);
                }

                @Override
                public void delete(String subject) {
                    sql.delete(subject);
                }

                @Override
                public int deleteStale(Instant staleBefore, Instant now) {
                    return sql.deleteStale(staleBefore, now);
                }
            };
            lockouts = new CachedLockoutRepository(
                    stored, generation, new GenerationCache(generation, GenerationCache.CHECK_EVERY, nanos::get));
        }

        void waitFor(Duration duration) {
            nanos.addAndGet(duration.toNanos());
        }
    }

    private static Lockout lockedForAMinute(Lockout current) {
        return new Lockout(current.subject(), current.failures() + 1, NOW, NOW.plusSeconds(60), 1, NOW);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    @DisplayName("issue 13: a subject without failures is read from the database once, then from memory")
    void absenceIsReadOnce() {
        for (int i = 0; i < 50; i++) {
            assertThat(a.lockouts.find(CLIENT)).isEmpty();
        }

        assertThat(a.databaseReads).hasValue(1);
    }

    @Test
    @DisplayName("issue 13: a failure recorded on a node is seen by that node at once")
    void ownFailureIsSeenAtOnce() {
        assertThat(a.lockouts.find(CLIENT)).isEmpty();

        Lockout locked = a.lockouts.update(CLIENT, CachedLockoutRepositoryTest::lockedForAMinute);

        assertThat(a.lockouts.find(CLIENT)).contains(locked);
        a.lockouts.delete(CLIENT);
        assertThat(a.lockouts.find(CLIENT)).isEmpty();
    }

    @Test
    @DisplayName("issue 13: a lock recorded on another node is enforced within the stated bound (500 ms)")
    void otherNodesLockIsSeenWithinTheBound() {
        assertThat(a.lockouts.find(CLIENT)).isEmpty();

        Lockout locked = b.lockouts.update(CLIENT, CachedLockoutRepositoryTest::lockedForAMinute);
        a.waitFor(GenerationCache.CHECK_EVERY);

        assertThat(a.lockouts.find(CLIENT)).contains(locked);
        assertThat(locked.lockedAt(NOW.plusSeconds(1))).isTrue();
    }

    @Test
    @DisplayName("issue 13: a reset and a purge on another node are seen within the bound too")
    void otherNodesResetAndPurgeAreSeenWithinTheBound() {
        a.lockouts.update(CLIENT, CachedLockoutRepositoryTest::lockedForAMinute);
        a.lockouts.update("user:stale", current -> new Lockout(current.subject(), 1, NOW, null, 0, NOW));
        assertThat(a.lockouts.find(CLIENT)).isPresent();
        assertThat(a.lockouts.find("user:stale")).isPresent();

        b.lockouts.delete(CLIENT);
        b.lockouts.deleteStale(NOW.plusSeconds(3600), NOW.plusSeconds(3600));
        a.waitFor(GenerationCache.CHECK_EVERY);

        assertThat(a.lockouts.find(CLIENT)).isEmpty();
        assertThat(a.lockouts.find("user:stale")).isEmpty();
    }
}
