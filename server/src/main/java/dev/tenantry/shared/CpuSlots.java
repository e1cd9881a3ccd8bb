package dev.tenantry.shared;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Admission to the cores (issue 13): at most {@code slots} requests run their handlers at once, the others wait for a
 * slot in the order they came. With a thread per connection all running, the OS shares the cores between all of
 * them, so under load every request takes as long as the slowest and the tail grows with the connections; admitted
 * in order, each request runs with few others and waits, if it must, in a queue that is served first come first.
 *
 * <p>A request that waits for something other than the cores gives its slot up meanwhile ({@link #stepOut()}, {@link
 * #stepIn(boolean)}): a password check, which waits for the bounded hashing workers, must not keep cheap requests
 * out. A request that is not admitted within {@code maxWait} runs anyway: a handler that waits for another request
 * to this server (Tenantry as its own federated issuer), or for a database lock held by a request stepped out, must
 * not deadlock it, and no request waits here without end.
 *
 * <p>The slot belongs to the thread that took it: a handler runs on one thread from admission to its answer.
 */
public final class CpuSlots {

    static final String PROPERTY = "tenantry.cpuSlots";

    private static final Duration MAX_WAIT = Duration.ofSeconds(1);

    private final Semaphore slots;
    private final long maxWaitNanos;
    private final boolean off;
    private final ThreadLocal<Boolean> held = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /** {@code slots} at once ({@code 0}: no bound), each request waiting at most {@code maxWait} for one. */
    public CpuSlots(int slots, Duration maxWait) {
        this.off = slots < 1;
        this.slots = new Semaphore(Math.max(1, slots), true);
        this.maxWaitNanos = maxWait.toNanos();
    }

    /**
     * A slot per core when the database is in the process (H2: a request's work is all CPU), two per core when it is
     * across the network (PostgreSQL: a request also waits for its round trips, while another can compute). The JVM
     * option {@code -Dtenantry.cpuSlots=N} sets another number, and {@code 0} admits every request at once.
     */
    public static CpuSlots forCores(boolean remoteDatabase) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new CpuSlots(configured(System.getProperty(PROPERTY), remoteDatabase ? 2 * cores : cores), MAX_WAIT);
    }

    /** {@code value} of {@value #PROPERTY} as a number of slots, {@code otherwise} when unset; refused when not one. */
    static int configured(String value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            int slots = Integer.parseInt(value.strip());
            if (slots >= 0) {
                return slots;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new IllegalArgumentException("-D" + PROPERTY + "=" + value
                + " is not a number of slots: give a whole number, 0 to admit every request at once.");
    }

    /** Takes a slot for this thread, waiting in turn up to the bound; nothing when it already holds one. */
    public void enter() {
        if (held.get() || off) {
            return;
        }
        try {
            if (slots.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS)) {
                held.set(Boolean.TRUE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Gives this thread's slot back, if it holds one. */
    public void leave() {
        if (held.get()) {
            held.set(Boolean.FALSE);
            slots.release();
        }
    }

    /** Gives the slot up before waiting for something other than the cores; pass the answer to {@link #stepIn}. */
    public boolean stepOut() {
        boolean holding = held.get();
        leave();
        return holding;
    }

    /** Takes a slot again after {@link #stepOut()}, when one was given up. */
    public void stepIn(boolean steppedOut) {
        if (steppedOut) {
            enter();
        }
    }

    /** Slots free now (for tests and metrics). */
    public int available() {
        return slots.availablePermits();
    }
}
