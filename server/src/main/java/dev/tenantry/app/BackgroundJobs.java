package dev.tenantry.app;

import dev.tenantry.jobs.JobRunner;
import dev.tenantry.jobs.storage.JdbiJobLeases;
import dev.tenantry.storage.Database;
import java.time.Clock;
import java.time.Duration;

/**
 * The server's background jobs, each run by one node at a time through its lease in the database (issue 8). A new job
 * (device-code expiry) is one more {@code register} line here.
 */
final class BackgroundJobs {

    /** How soon after start the first tick comes, and how often the runner looks for due jobs after that. */
    static final Duration FIRST_TICK_AFTER = Duration.ofMinutes(1);

    static final Duration TICK = Duration.ofMinutes(1);

    /** How often expired sessions, spent refresh tokens, old idempotency records and idle lockouts are purged. */
    static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    /** How often suite subscriptions whose trial, grace period or retention ran out move on (issue 9). */
    static final Duration LIFECYCLE_EVERY = Duration.ofMinutes(10);

    private BackgroundJobs() {}

    /** Registers every job on a runner over {@code database} and starts it ticking. */
    static JobRunner start(Services services, Database database, Clock clock) {
        JobRunner runner = register(new JobRunner(new JdbiJobLeases(database.jdbi()), clock), services);
        runner.start(FIRST_TICK_AFTER, TICK);
        return runner;
    }

    /** Registers the server's jobs on {@code runner}; returns it. */
    static JobRunner register(JobRunner runner, Services services) {
        runner.register("retention-purge", PURGE_EVERY, () -> {
            var purged = services.retentionPurge().run();
            return purged.total() == 0 ? "" : "purged " + purged;
        });
        runner.register("suite-lifecycle", LIFECYCLE_EVERY, () -> {
            int moved = services.suiteLifecycle().advance();
            return moved == 0 ? "" : moved + " suite subscription state changes";
        });
        runner.register("cloud-lifecycle", LIFECYCLE_EVERY, () -> {
            int moved = services.cloudLifecycle().advance();
            return moved == 0 ? "" : moved + " cloud subscription state changes";
        });
        return runner;
    }
}
