package dev.tenantry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.directory.apps.ApplicationRepository;
import dev.tenantry.testing.InMemoryApplicationRepository;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 13: the token path's cache and the generation that keeps several nodes' caches within a bound. */
class GenerationCacheTest {

    /** A shared generation as a database holds it, and the bumps one node made. */
    static final class SharedGeneration implements CacheGeneration {
        final AtomicLong shared = new AtomicLong();
        final AtomicLong mine = new AtomicLong();
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public long current() {
            reads.incrementAndGet();
            return shared.get();
        }

        @Override
        public void bump() {
            shared.incrementAndGet();
            mine.incrementAndGet();
        }

        @Override
        public long localBumps() {
            return mine.get();
        }

        /** Another node's bump: the shared row moves, this node's count does not. */
        void bumpElsewhere() {
            shared.incrementAndGet();
        }
    }

    private final SharedGeneration generation = new SharedGeneration();
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final GenerationCache cache = new GenerationCache(generation, GenerationCache.CHECK_EVERY, nanos::get);
    private final AtomicInteger loads = new AtomicInteger();

    private String load() {
        return "value " + loads.incrementAndGet();
    }

    @Test
    @DisplayName("issue 13: a value is loaded once and served from the cache; the generation is read once per bound")
    void cachesAndReadsTheGenerationAtMostOncePerBound() {
        assertThat(cache.get("k", this::load)).isEqualTo("value 1");
        for (int i = 0; i < 100; i++) {
            nanos.addAndGet(1_000_000); // 100 ms in all, within the bound
            assertThat(cache.get("k", this::load)).isEqualTo("value 1");
        }
        assertThat(loads).hasValue(1);
        assertThat(generation.reads).hasValue(1);
    }

    @Test
    @DisplayName("issue 13: another node's write is seen within CHECK_EVERY, not before the check, never after it")
    void anotherNodesWriteIsSeenWithinTheBound() {
        cache.get("k", this::load);
        generation.bumpElsewhere();

        nanos.addAndGet(GenerationCache.CHECK_EVERY.toNanos() - 1);
        assertThat(cache.get("k", this::load)).as("still within the bound").isEqualTo("value 1");
        nanos.addAndGet(1);
        assertThat(cache.get("k", this::load)).as("at the bound").isEqualTo("value 2");
    }

    @Test
    @DisplayName("issue 13: this node's own write is seen at once")
    void ownWriteIsSeenAtOnce() {
        cache.get("k", this::load);
        generation.bump();

        assertThat(cache.get("k", this::load)).isEqualTo("value 2");
    }

    @Test
    @DisplayName("issue 13: a value loaded before a write is not served after the check that saw it")
    void aLoadRacingAWriteIsNotServedAfterIt() {
        String raced = cache.get("k", () -> {
            generation.bump(); // the write commits while the old value is being read
            return "old";
        });
        assertThat(raced).isEqualTo("old");
        assertThat(cache.get("k", this::load)).isEqualTo("value 1");
    }

    @Test
    @DisplayName("issue 13: absent values are not cached, and nothing is cached without a shared generation")
    void absentValuesAndNoGeneration() {
        Optional<String> missing = cache.get("missing", Optional::empty);
        assertThat(missing).isEmpty();
        Optional<String> created = cache.get("missing", () -> Optional.of("created"));
        assertThat(created).hasValue("created");

        GenerationCache none = GenerationCache.disabled();
        none.get("k", this::load);
        assertThat(none.get("k", this::load)).isEqualTo("value 2");
    }

    @Test
    @DisplayName("issue 13: entries expire after MAX_AGE even when no generation moved")
    void entriesExpire() {
        cache.get("k", this::load);
        nanos.addAndGet(GenerationCache.MAX_AGE.toNanos());

        assertThat(cache.get("k", this::load)).isEqualTo("value 2");
    }

    @Test
    @DisplayName("issue 13: every write through a wrapped repository bumps the generation, reads do not")
    void writesBumpReadsDoNot() {
        ApplicationRepository applications =
                GenerationBumping.wrap(ApplicationRepository.class, new InMemoryApplicationRepository(), generation);
        TenantId tenant = new TenantId(UUID.randomUUID());

        applications.findByAppId(UUID.randomUUID());
        applications.list(tenant);
        applications.secrets(UUID.randomUUID());
        applications.assignmentsOf(tenant, UUID.randomUUID());
        applications.applicationsOwnedBy(tenant, UUID.randomUUID());
        assertThat(generation.localBumps()).isZero();

        applications.deleteSecret(UUID.randomUUID(), UUID.randomUUID());
        applications.deleteAssignment(tenant, UUID.randomUUID(), UUID.randomUUID());
        applications.deleteServicePrincipal(tenant, UUID.randomUUID());
        assertThat(generation.localBumps()).isEqualTo(3);
    }
}
