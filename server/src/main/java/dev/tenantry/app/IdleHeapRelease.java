package dev.tenantry.app;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the Java heap back to the system once {@code tenantry serve} has gone idle (issue 13), as G1's periodic
 * collections do (JEP 346), for the serial collector, which has nothing of the kind. The launcher runs G1 with
 * periodic collections; this is for a server that a user runs under the serial collector, for the smallest heap.
 *
 * <p>Why: under load the serial collector grows its old generation by promotion, up to the cap, and shrinks it only
 * after a full collection, which a server at rest never has. After {@code bin/bench}'s load the heap stayed at its 256
 * MB cap (RSS 440-470 MB) with 42 MB live. So, every {@link #CHECK_EVERY}: when no request arrived during the last
 * check's interval and the old generation holds more than {@link #SLACK} beyond what its last full collection kept,
 * one full collection, which with the launcher's {@code -XX:-ShrinkHeapInSteps} shrinks the heap to
 * {@code MaxHeapFreeRatio} at once. One per idle spell: the next needs requests in between.
 *
 * <p>Only under the serial collector (another collector has its own ways: G1's {@code G1PeriodicGCInterval}), and only
 * for {@code serve}: embedded in a test's JVM the heap is not Tenantry's to manage.
 */
final class IdleHeapRelease {

    private static final Logger LOG = LoggerFactory.getLogger(IdleHeapRelease.class);

    /** How often the server looks whether it is idle; a collection comes one to two of these after the last request. */
    static final Duration CHECK_EVERY = Duration.ofSeconds(4);

    /** Old-generation growth since its last full collection below which a collection is not worth its pause. */
    static final long SLACK = 32L << 20;

    private final LongSupplier requests;
    private final LongSupplier oldGrowth;
    private final Runnable collect;
    private long requestsAtLastCheck = -1;
    private boolean collectedThisSpell;

    /**
     * {@code requests} counts the requests the server has received, {@code oldGrowth} says how many bytes the old
     * generation has grown since its last full collection, {@code collect} runs one.
     */
    IdleHeapRelease(LongSupplier requests, LongSupplier oldGrowth, Runnable collect) {
        this.requests = requests;
        this.oldGrowth = oldGrowth;
        this.collect = collect;
    }

    /**
     * Starts checking, on a daemon thread of its own, when this JVM runs the serial collector, and returns how to stop
     * it; else nothing to do. {@code requests} counts the requests the server has received.
     */
    static Optional<Runnable> startIfSerial(LongSupplier requests) {
        boolean serial = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .anyMatch("MarkSweepCompact"::equals);
        Optional<MemoryPoolMXBean> tenured = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && "Tenured Gen".equals(pool.getName()))
                .findFirst();
        if (!serial || tenured.isEmpty()) {
            return Optional.empty();
        }
        MemoryPoolMXBean old = tenured.get();
        IdleHeapRelease release = new IdleHeapRelease(requests, () -> grownBy(old), System::gc);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("idle-heap-release").daemon().factory());
        long period = CHECK_EVERY.toMillis();
        ScheduledFuture<?> checking =
                timer.scheduleWithFixedDelay(release::check, period, period, TimeUnit.MILLISECONDS);
        return Optional.of(() -> {
            checking.cancel(false);
            timer.shutdownNow();
        });
    }

    /** One check: collects when idle since the last check, the old generation has grown, and not yet this spell. */
    boolean check() {
        long seen = requests.getAsLong();
        boolean idle = seen == requestsAtLastCheck;
        requestsAtLastCheck = seen;
        if (!idle) {
            collectedThisSpell = false;
            return false;
        }
        long growth = oldGrowth.getAsLong();
        if (collectedThisSpell || growth < SLACK) {
            return false;
        }
        collectedThisSpell = true;
        collect.run();
        LOG.debug("idle: one full collection, the old generation had grown {} MB", growth >> 20);
        return true;
    }

    /** How far {@code old}'s committed size is above what its last full collection kept. */
    private static long grownBy(MemoryPoolMXBean old) {
        MemoryUsage now = old.getUsage();
        MemoryUsage kept = old.getCollectionUsage();
        return now.getCommitted() - (kept == null ? 0 : kept.getUsed());
    }
}
