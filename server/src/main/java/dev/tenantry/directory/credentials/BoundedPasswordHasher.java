package dev.tenantry.directory.credentials;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.PasswordHasher;
import dev.tenantry.shared.CpuSlots;
import dev.tenantry.shared.ServiceBusyException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds password hashing (issue 7.8): at most {@code workers} hashes run at once, on their own platform threads,
 * and at most {@code queueBound} wait; past that a check is refused at once with {@link ServiceBusyException}
 * (503 + {@code Retry-After}) instead of queueing without end.
 *
 * <p>Why threads of its own rather than a semaphore on the request's thread: requests run on virtual threads, and a
 * CPU-bound Argon2id run never yields, so hashing on the request's thread pins a carrier; with as many carriers as
 * cores, a burst of sign-ins left no carrier for cheap requests ({@code /health} waited 30 s). Here the request's
 * virtual thread parks while it waits, its carrier serves other requests, and the OS shares the cores between the
 * hashing threads and the carriers — with the hashing threads at a lower priority ({@link BackgroundPriority}), so a
 * flood of sign-ins takes only the CPU that other requests leave.
 */
public final class BoundedPasswordHasher implements PasswordHasher, AutoCloseable {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final PasswordHasher delegate;
    private final ThreadPoolExecutor workers;
    private final CpuSlots slots;

    /**
     * One worker per core, and a queue of four checks per worker (about a second of waiting at 19 MiB); a request
     * waiting for its check gives its slot of {@code slots} up meanwhile.
     */
    public static BoundedPasswordHasher forCores(PasswordHasher delegate, CpuSlots slots) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new BoundedPasswordHasher(delegate, cores, 4 * cores, slots);
    }

    public BoundedPasswordHasher(PasswordHasher delegate, int workers, int queueBound) {
        this(delegate, workers, queueBound, null);
    }

    /** As above; a check's caller gives its slot of {@code slots} (null: none) up while it waits. */
    public BoundedPasswordHasher(PasswordHasher delegate, int workers, int queueBound, CpuSlots slots) {
        if (workers < 1 || queueBound < 0) {
            throw new IllegalArgumentException("workers must be at least 1 and queueBound at least 0");
        }
        this.delegate = delegate;
        this.slots = slots;
        this.workers = new ThreadPoolExecutor(
                workers,
                workers,
                0,
                TimeUnit.SECONDS,
                queueBound == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueBound),
                lowPriority(Thread.ofPlatform()
                        .name("password-hashing-", 0)
                        .daemon()
                        .factory()),
                new ThreadPoolExecutor.AbortPolicy());
    }

    /** Threads of {@code factory} that first lower their own priority: see {@link BackgroundPriority}. */
    private static ThreadFactory lowPriority(ThreadFactory factory) {
        return work -> factory.newThread(() -> {
            BackgroundPriority.lowerCurrentThread();
            work.run();
        });
    }

    @Override
    public String hash(String password) {
        return bounded(() -> delegate.hash(password));
    }

    @Override
    public boolean matches(String password, String encodedHash) {
        return bounded(() -> delegate.matches(password, encodedHash));
    }

    @Override
    public void burnOneCheck(String password) {
        bounded(() -> {
            delegate.burnOneCheck(password);
            return null;
        });
    }

    /**
     * Refused when every worker is busy and the queue is full: a sign-in flood's requests are turned away before they
     * read the user, the lockout and the hash (four reads each), so the flood takes less of what other requests need.
     * The check itself still applies the bound; this only answers earlier when the answer is already known.
     */
    @Override
    public void requireCapacity() {
        if (workers.getQueue().remainingCapacity() == 0 && workers.getActiveCount() >= workers.getMaximumPoolSize()) {
            throw busy();
        }
    }

    private static ServiceBusyException busy() {
        return new ServiceBusyException(
                DirectoryError.SERVER_BUSY,
                "The server is handling too many sign-ins right now. Wait a moment and try again.",
                RETRY_AFTER);
    }

    /** How many checks wait for a worker now. */
    public int waiting() {
        return workers.getQueue().size();
    }

    /** Runs {@code work} on a hashing worker and waits for it; refused when every worker is busy and the queue full. */
    public <T> T bounded(Supplier<T> work) {
        Future<T> result;
        try {
            result = workers.submit(work::get);
        } catch (RejectedExecutionException full) {
            throw busy();
        }
        // the request's slot is given up while it waits: a check takes a hashing worker, not the request's slot
        boolean steppedOut = slots != null && slots.stepOut();
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a password check", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (CancellationException e) {
            throw new IllegalStateException("a password check was cancelled", e);
        } finally {
            if (slots != null) {
                slots.stepIn(steppedOut);
            }
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
