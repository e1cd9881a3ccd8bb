package dev.tenantry.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobLeases} must do, run on the in-memory fake and on the SQL adapter (H2, and PostgreSQL when
 * configured): two nodes ("runners") sharing one store.
 */
public abstract class JobLeasesContract {

    private static final Duration EVERY = Duration.ofMinutes(10);
    private static final AtomicInteger NEXT = new AtomicInteger();

    protected final TestClock clock = TestClock.atTen();

    /** The store under test, fresh or shared: each test uses job names of its own. */
    protected abstract JobLeases leases();

    private static String jobName() {
        return "job-" + NEXT.incrementAndGet() + "-" + System.nanoTime();
    }

    private Instant now() {
        return clock.instant();
    }

    private boolean tryStart(JobLeases leases, String name, String holder) {
        return leases.tryStart(name, holder, now(), now().minus(EVERY), now().plus(EVERY.multipliedBy(2)));
    }

    @Test
    @DisplayName("issue 8: the first start creates the lease; the job is not due again before its interval")
    void firstStartCreatesTheLease() {
        JobLeases leases = leases();
        String job = jobName();

        assertThat(tryStart(leases, job, "node-a")).isTrue();
        assertThat(leases.find(job)).hasValueSatisfying(lease -> {
            assertThat(lease.holder()).isEqualTo("node-a");
            assertThat(lease.lastStartedAt()).isEqualTo(now());
            assertThat(lease.leaseUntil()).isEqualTo(now().plus(EVERY.multipliedBy(2)));
        });
        clock.advance(EVERY.minusSeconds(1));
        assertThat(tryStart(leases, job, "node-a")).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tryStart(leases, job, "node-a")).isTrue();
    }

    @Test
    @DisplayName("issue 8: a live lease keeps other nodes out; once it expired another node takes the job over")
    void anExpiredLeaseIsTakenOver() {
        JobLeases leases = leases();
        String job = jobName();
        assertThat(tryStart(leases, job, "node-a")).isTrue();

        clock.advance(EVERY);
        assertThat(tryStart(leases, job, "node-b"))
                .as("due, but node-a's lease is live")
                .isFalse();
        clock.advance(EVERY);
        assertThat(tryStart(leases, job, "node-b"))
                .as("node-a stopped renewing")
                .isTrue();
        assertThat(leases.find(job).orElseThrow().holder()).isEqualTo("node-b");
        assertThat(tryStart(leases, job, "node-a")).isFalse();
    }

    @Test
    @DisplayName("issue 8: a released lease is free at once, but the job still runs once per interval")
    void aReleasedLeaseIsFreeAtOnce() {
        JobLeases leases = leases();
        String job = jobName();
        assertThat(tryStart(leases, job, "node-a")).isTrue();

        leases.release(job, "node-a", now());
        assertThat(tryStart(leases, job, "node-b")).as("not due yet").isFalse();
        clock.advance(EVERY);
        assertThat(tryStart(leases, job, "node-b")).isTrue();
    }

    @Test
    @DisplayName("issue 8: the outcome is recorded by the holder only")
    void theHolderRecordsTheOutcome() {
        JobLeases leases = leases();
        String job = jobName();
        assertThat(tryStart(leases, job, "node-a")).isTrue();

        clock.advance(Duration.ofSeconds(3));
        leases.finish(job, "node-b", now(), JobOutcome.SUCCEEDED);
        assertThat(leases.find(job).orElseThrow().lastOutcome()).isNull();
        leases.finish(job, "node-a", now(), JobOutcome.FAILED);
        assertThat(leases.find(job).orElseThrow())
                .extracting(JobLease::lastOutcome, JobLease::lastFinishedAt)
                .containsExactly(JobOutcome.FAILED, now());
    }

    @Test
    @DisplayName("issue 8: of two nodes racing for a lease, exactly one wins, on the first run and on a due run")
    void ofTwoRacingNodesExactlyOneWins() throws Exception {
        JobLeases leases = leases();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 20; i++) {
                String job = jobName();
                assertThat(race(threads, leases, job)).as("first run of " + job).isEqualTo(1);
                clock.advance(EVERY.multipliedBy(2)); // due, and the winner's lease expired
                assertThat(race(threads, leases, job)).as("takeover of " + job).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private int race(ExecutorService threads, JobLeases leases, String job) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Boolean>> wins = new ArrayList<>();
        for (String node : List.of("node-a", "node-b")) {
            wins.add(threads.submit(() -> {
                start.await();
                return tryStart(leases, job, node);
            }));
        }
        int won = 0;
        for (Future<Boolean> win : wins) {
            won += win.get() ? 1 : 0;
        }
        return won;
    }

    @Test
    @DisplayName("issue 8: two runners sharing the store run a job once per period; when the holder stops, the other"
            + " takes over")
    void twoRunnersShareOneJob() {
        JobLeases leases = leases();
        String job = jobName();
        AtomicInteger runsA = new AtomicInteger();
        AtomicInteger runsB = new AtomicInteger();
        JobRunner nodeA =
                new JobRunner(leases, clock, "node-a").register(job, EVERY, () -> "a" + runsA.incrementAndGet());
        JobRunner nodeB =
                new JobRunner(leases, clock, "node-b").register(job, EVERY, () -> "b" + runsB.incrementAndGet());

        for (int minute = 0; minute < 30; minute++) { // both tick every minute for three periods
            nodeA.runDue();
            nodeB.runDue();
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(runsA.get() + runsB.get()).isEqualTo(3);
        assertThat(runsA.get()).as("the holder keeps its lease").isEqualTo(3);

        // node A dies: it stops ticking without releasing; B waits out the lease, then runs the job each period
        for (int minute = 0; minute < 30; minute++) {
            nodeB.runDue();
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(runsA.get()).isEqualTo(3);
        assertThat(runsB.get()).isEqualTo(2);
        assertThat(leases.find(job).orElseThrow().holder()).isEqualTo("node-b");
    }
}
