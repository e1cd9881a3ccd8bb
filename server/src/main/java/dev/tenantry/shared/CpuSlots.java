package dev.tenantry.shared;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;

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
 * <p>The slot belongs to the thread that took it: a handler runs on one thread from admission to its answer. A slot
 * given back goes straight to the first waiting thread, which wakes holding it: a fair {@link
 * java.util.concurrent.Semaphore} also wakes the next waiter each time one is admitted, only for it to find no slot
 * and sleep again, two context switches more per request under load (4 % of the server's CPU at 8 connections).
 */
public final class CpuSlots {

    static final String PROPERTY = "tenantry.cpuSlots";

    private static final Duration MAX_WAIT = Duration.ofSeconds(1);

    private final long maxWaitNanos;
    private final boolean off;
    private final ThreadLocal<Boolean> held = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private final Object lock = new Object();
    // guarded by lock: slots nobody holds, and the threads waiting for one in the order they came
    private int free;
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();

    /** {@code slots} at once ({@code 0}: no bound), each request waiting at most {@code maxWait} for one. */
    public CpuSlots(int slots, Duration maxWait) {
        this.off = slots < 1;
        this.free = Math.max(1, slots);
        this.maxWaitNanos = maxWait.toNanos();
    }

    /** A thread waiting for a slot; {@code granted} once a leaving thread hands it one. */
    private static final class Waiter {
        final Thread thread = Thread.currentThread();
        volatile boolean granted;
    }

    /**
     * {@link #defaultSlots} for this machine's cores, or the number the JVM option {@code -Dtenantry.cpuSlots=N} sets
     * ({@code 0} admits every request at once).
     */
    public static CpuSlots forCores(boolean remoteDatabase) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new CpuSlots(configured(System.getProperty(PROPERTY), defaultSlots(cores, remoteDatabase)), MAX_WAIT);
    }

    /**
     * Half again as many slots as cores when the database is in the process (H2), twice as many when it is across the
     * network (PostgreSQL: a request also waits for its round trips, while another can compute). Even with H2 a slot's
     * holder is not always on a core: reading the next request and writing answers run outside the slots, beside the
     * collector and the selector, and with one slot per core a core idled whenever its holder was off it. Measured on
     * 2 cores ({@code bin/bench}, client credentials, runs alternating): 3 slots gave 4 682–4 789/s at 0.371–0.382 ms
     * of CPU a token and p99 18.9–21.2 ms at 64 connections, against 4 132–4 286/s, 0.388–0.404 ms and 23.5–24.5 ms
     * with 2.
     */
    static int defaultSlots(int cores, boolean remoteDatabase) {
        return remoteDatabase ? 2 * cores : cores + (cores + 1) / 2;
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
        Waiter waiter;
        synchronized (lock) {
            if (free > 0 && waiting.isEmpty()) {
                free--;
                held.set(Boolean.TRUE);
                return;
            }
            waiter = new Waiter();
            waiting.addLast(waiter);
        }
        long deadline = System.nanoTime() + maxWaitNanos;
        while (!waiter.granted) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || Thread.currentThread().isInterrupted()) {
                synchronized (lock) {
                    if (!waiter.granted) {
                        // not admitted within the bound (or interrupted): runs without a slot
                        waiting.remove(waiter);
                        return;
                    }
                }
                break;
            }
            LockSupport.parkNanos(this, left);
        }
        held.set(Boolean.TRUE);
    }

    /** Gives this thread's slot back, if it holds one: to the first thread waiting, if any. */
    public void leave() {
        if (!held.get()) {
            return;
        }
        held.set(Boolean.FALSE);
        Waiter next;
        synchronized (lock) {
            next = waiting.pollFirst();
            if (next == null) {
                free++;
                return;
            }
            next.granted = true;
        }
        LockSupport.unpark(next.thread);
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

    /** Whether this thread holds a slot now: {@link #enter()} may have let it run without one (for tests). */
    boolean holds() {
        return held.get();
    }

    /** Slots free now (for tests and metrics). */
    public int available() {
        synchronized (lock) {
            return free;
        }
    }
}
