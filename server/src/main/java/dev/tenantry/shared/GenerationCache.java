package dev.tenantry.shared;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A read cache for the token path (issue 13) kept honest by a {@link CacheGeneration}: a node reads the shared
 * generation at most every {@link #CHECK_EVERY} and drops everything when it moved, so a write on any node (a secret
 * removed, a role revoked) is seen on every node within that bound after it commits; this node's own writes are seen
 * at once. Entries also expire after {@link #MAX_AGE} whatever happens, and the cache holds at most {@link #MAX_ENTRIES}.
 */
public final class GenerationCache {

    /** How often a node reads the shared generation: the bound within which every node sees a write. */
    public static final Duration CHECK_EVERY = Duration.ofMillis(500);

    /** The longest an entry is served, even if no generation moved (a lost bump cannot keep it forever). */
    public static final Duration MAX_AGE = Duration.ofMinutes(1);

    static final int MAX_ENTRIES = 10_000;

    private record Entry(Object value, long epoch, long loadedAt) {}

    private final CacheGeneration generation;
    private final LongSupplier nanoTime;
    private final long checkEveryNanos;
    private final Map<Object, Entry> entries = new ConcurrentHashMap<>();
    private final Object checking = new Object();
    private volatile long knownGeneration = Long.MIN_VALUE;
    private volatile long knownLocalBumps = Long.MIN_VALUE;
    private volatile long nextCheck;
    private volatile long epoch;

    public GenerationCache(CacheGeneration generation, Duration checkEvery, LongSupplier nanoTime) {
        this.generation = generation;
        this.checkEveryNanos = checkEvery.toNanos();
        this.nanoTime = nanoTime;
    }

    /** A cache over {@code generation} with the standard bound; one that caches nothing when it is disabled. */
    public static GenerationCache over(CacheGeneration generation) {
        return new GenerationCache(generation, CHECK_EVERY, System::nanoTime);
    }

    /** Caches nothing: every {@link #get} loads. */
    public static GenerationCache disabled() {
        return over(CacheGeneration.NONE);
    }

    /**
     * The value cached for {@code key}, else {@code loader}'s, cached unless it is {@code null} or {@link
     * Optional#empty()} (absent things are not cached: their creation need not be waited for, and unknown
     * keys cannot fill the cache).
     */
    public <V> V get(Object key, Supplier<V> loader) {
        if (!generation.enabled()) {
            return loader.get();
        }
        long now = nanoTime.getAsLong();
        long current = checked(now);
        Entry entry = entries.get(key);
        if (entry != null && entry.epoch() == current && now - entry.loadedAt() < MAX_AGE.toNanos()) {
            @SuppressWarnings("unchecked") // only get() puts, with the loader's type for this key
            V value = (V) entry.value();
            return value;
        }
        V value = loader.get(); // loaded after the generation was read, so never older than it
        if (value != null && !(value instanceof Optional<?> optional && optional.isEmpty())) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(value, current, now));
        }
        return value;
    }

    /** The epoch entries must carry to be served, after reading the shared generation if it is time to. */
    private long checked(long now) {
        long localBumps = generation.localBumps();
        if (now - nextCheck < 0 && localBumps == knownLocalBumps) {
            return epoch;
        }
        synchronized (checking) {
            if (now - nextCheck >= 0 || localBumps != knownLocalBumps) {
                long shared = generation.current();
                if (shared != knownGeneration || localBumps != knownLocalBumps) {
                    knownGeneration = shared;
                    knownLocalBumps = localBumps;
                    epoch = epoch + 1; // entries of older epochs are never served again
                    entries.clear();
                }
                nextCheck = now + checkEveryNanos;
            }
            return epoch;
        }
    }
}
