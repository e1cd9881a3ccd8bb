package dev.tenantry.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs background jobs on this node while it holds each job's lease in the database (issue 8). Every node runs a
 * runner with the same jobs; at each tick a due job is started only by the node whose conditional update of the lease
 * row succeeds, so exactly one node runs it per period. The holder keeps the lease for twice the job's interval and
 * renews it at each run; when it stops (it died, or was closed), another node takes the job over once the lease
 * expired (at once after a clean close). A failed run is logged without its messages, which may carry personal data,
 * and the next run still comes.
 */
public final class JobRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final JobLeases leases;
    private final Clock clock;
    private final String holder;
    private final List<Registered> jobs = new CopyOnWriteArrayList<>();
    private volatile ScheduledExecutorService timer;

    /** A runner for this node, named by a random id. */
    public JobRunner(JobLeases leases, Clock clock) {
        this(leases, clock, "node-" + UUID.randomUUID());
    }

    /** A runner whose leases are held under {@code holder} (at most 64 characters), unique among the nodes. */
    public JobRunner(JobLeases leases, Clock clock, String holder) {
        this.leases = Objects.requireNonNull(leases, "leases");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (holder.isEmpty() || holder.length() > 64) {
            throw new IllegalArgumentException("a holder has 1 to 64 characters");
        }
        this.holder = holder;
    }

    private record Registered(String name, Duration every, Job body) {}

    /**
     * Adds job {@code name} ({@code [a-z0-9-]}, at most 64, stable across versions: it names the lease row), to run
     * every {@code every} on whichever node holds its lease. Returns this runner.
     */
    public JobRunner register(String name, Duration every, Job body) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a job name is 1 to 64 of [a-z0-9-]: " + name);
        }
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("job " + name + " needs a positive interval");
        }
        if (jobs.stream().anyMatch(job -> job.name().equals(name))) {
            throw new IllegalArgumentException("job " + name + " is registered twice");
        }
        jobs.add(new Registered(name, every, Objects.requireNonNull(body, "body")));
        return this;
    }

    /** The name this node holds leases under. */
    public String holder() {
        return holder;
    }

    /**
     * One tick, on the calling thread: runs each registered job that is due and whose lease this node takes; returns
     * the names of the jobs it ran (failed runs included).
     */
    public List<String> runDue() {
        List<String> ran = new ArrayList<>();
        for (Registered job : jobs) {
            if (runIfDue(job)) {
                ran.add(job.name());
            }
        }
        return ran;
    }

    private boolean runIfDue(Registered job) {
        Instant now = clock.instant();
        try {
            if (!leases.tryStart(
                    job.name(),
                    holder,
                    now,
                    now.minus(job.every()),
                    now.plus(job.every().multipliedBy(2)))) {
                return false;
            }
        } catch (RuntimeException e) {
            LOG.warn("job {}: its lease could not be taken ({}); the next tick tries again", job.name(), describe(e));
            return false;
        }
        JobOutcome outcome;
        try {
            String summary = job.body().run();
            if (summary != null && !summary.isBlank()) {
                LOG.info("job {}: {}", job.name(), summary);
            }
            outcome = JobOutcome.SUCCEEDED;
        } catch (RuntimeException e) {
            LOG.error("job {} failed ({}); it runs again in {}", job.name(), describe(e), job.every());
            outcome = JobOutcome.FAILED;
        }
        try {
            leases.finish(job.name(), holder, clock.instant(), outcome);
        } catch (RuntimeException e) {
            LOG.warn("job {}: its outcome could not be recorded ({})", job.name(), describe(e));
        }
        return true;
    }

    /** Ticks on one daemon thread: first after {@code firstAfter}, then every {@code tick}. */
    public synchronized void start(Duration firstAfter, Duration tick) {
        if (timer != null) {
            throw new IllegalStateException("the job runner is already started");
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("jobs").daemon().factory());
        // runDue catches the failures of each job; this catches what is left, since a thrown tick ends the schedule
        Runnable tickOnce = () -> {
            try {
                runDue();
            } catch (RuntimeException e) {
                LOG.error("a job tick failed ({}); the next tick still comes", describe(e));
            }
        };
        var unused =
                started.scheduleWithFixedDelay(tickOnce, firstAfter.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
        timer = started;
    }

    /** Stops ticking and releases this node's leases, so another node takes its jobs over without waiting. */
    @Override
    public synchronized void close() {
        ScheduledExecutorService running = timer;
        if (running != null) {
            running.shutdownNow();
            try {
                if (!running.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("a job is still running; its lease expires by itself");
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        for (Registered job : jobs) {
            try {
                leases.release(job.name(), holder, clock.instant());
            } catch (RuntimeException e) {
                LOG.warn("job {}: its lease could not be released ({}); it expires by itself", job.name(), describe(e));
            }
        }
    }

    /** The classes of a failure's causes and where it was thrown: enough to fix it, without any message. */
    static String describe(Throwable failure) {
        List<String> classes = new ArrayList<>();
        Throwable root = failure;
        for (Throwable t = failure; t != null && classes.size() < 8; t = t.getCause()) {
            classes.add(t.getClass().getName());
            root = t;
        }
        StackTraceElement[] stack = root.getStackTrace();
        return String.join(" caused by ", classes) + (stack.length == 0 ? "" : " at " + stack[0]);
    }
}
