package dev.tenantry.app;

import dev.tenantry.identity.RetentionPurge;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link RetentionPurge} on one daemon thread, soon after start and then at a fixed delay (issue 7.10). Every
 * node may run it: the purge is a set of idempotent deletes. A failed run is logged and the next one still comes.
 */
final class PurgeSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PurgeSchedule.class);

    private final ScheduledExecutorService timer;

    private PurgeSchedule(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static PurgeSchedule start(RetentionPurge purge, Duration firstAfter, Duration every) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("retention-purge").daemon().factory());
        // runOnce catches every failure, so the returned future carries nothing worth reading
        var unused = timer.scheduleWithFixedDelay(
                () -> runOnce(purge), firstAfter.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return new PurgeSchedule(timer);
    }

    private static void runOnce(RetentionPurge purge) {
        try {
            RetentionPurge.Purged purged = purge.run();
            if (purged.total() > 0) {
                LOG.info("purged {}", purged);
            }
        } catch (RuntimeException e) { // a thrown task would end the schedule for good
            LOG.error("the retention purge failed; it runs again later", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
