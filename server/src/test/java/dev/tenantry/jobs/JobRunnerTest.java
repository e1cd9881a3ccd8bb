package dev.tenantry.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JobRunnerTest {

    private static final Duration EVERY = Duration.ofMinutes(10);

    final TestClock clock = TestClock.atTen();
    final InMemoryJobLeases leases = new InMemoryJobLeases();
    final JobRunner runner = new JobRunner(leases, clock, "node-a");

    @Test
    @DisplayName("issue 8: a job runs at once, then once per interval, whatever the tick")
    void aJobRunsOncePerInterval() {
        AtomicInteger runs = new AtomicInteger();
        runner.register("purge", EVERY, () -> "run " + runs.incrementAndGet());

        assertThat(runner.runDue()).containsExactly("purge");
        for (int i = 0; i < 9; i++) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(runner.runDue()).isEmpty();
        }
        clock.advance(Duration.ofMinutes(1));
        assertThat(runner.runDue()).containsExactly("purge");
        assertThat(runs).hasValue(2);
        assertThat(leases.find("purge").orElseThrow())
                .extracting(JobLease::holder, JobLease::lastOutcome)
                .containsExactly("node-a", JobOutcome.SUCCEEDED);
    }

    @Test
    @DisplayName("issue 8: a failing run is recorded, the other jobs still run, and the next run still comes")
    void aFailingRunDoesNotStopTheNext() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger others = new AtomicInteger();
        runner.register("flaky", EVERY, () -> {
                    if (attempts.incrementAndGet() == 1) {
                        throw new IllegalStateException("jane@contoso.test is personal data");
                    }
                    return "";
                })
                .register("other", EVERY, () -> "other " + others.incrementAndGet());

        assertThat(runner.runDue()).containsExactly("flaky", "other");
        assertThat(leases.find("flaky").orElseThrow().lastOutcome()).isEqualTo(JobOutcome.FAILED);
        clock.advance(EVERY);
        assertThat(runner.runDue()).containsExactly("flaky", "other");
        assertThat(leases.find("flaky").orElseThrow().lastOutcome()).isEqualTo(JobOutcome.SUCCEEDED);
        assertThat(others).hasValue(2);
    }

    @Test
    @DisplayName("issue 8: a failure is described by its classes and place, never by its message")
    void failuresAreLoggedWithoutMessages() {
        IllegalStateException failure =
                new IllegalStateException("jane@contoso.test", new IllegalArgumentException("+31 6 1234 5678"));

        String described = JobRunner.describe(failure);

        assertThat(described)
                .contains("java.lang.IllegalStateException caused by java.lang.IllegalArgumentException")
                .contains("JobRunnerTest")
                .doesNotContain("jane")
                .doesNotContain("5678");
    }

    @Test
    @DisplayName("issue 8: closing a runner releases its leases, so another node takes over at the next due run")
    void closingReleasesTheLeases() {
        AtomicInteger runsB = new AtomicInteger();
        runner.register("purge", EVERY, () -> "");
        JobRunner nodeB =
                new JobRunner(leases, clock, "node-b").register("purge", EVERY, () -> "b" + runsB.incrementAndGet());
        assertThat(runner.runDue()).containsExactly("purge");

        runner.close();
        clock.advance(EVERY);

        assertThat(nodeB.runDue()).containsExactly("purge");
        assertThat(runsB).hasValue(1);
    }

    @Test
    @DisplayName("issue 8: a store that fails is survived: the tick runs nothing and the next tick tries again")
    void aFailingStoreIsSurvived() {
        AtomicInteger runs = new AtomicInteger();
        JobRunner node = new JobRunner(new DownOnce(leases), clock, "node-a")
                .register("purge", EVERY, () -> "" + runs.incrementAndGet());

        assertThat(node.runDue()).isEmpty();
        assertThat(node.runDue()).containsExactly("purge");
        assertThat(runs).hasValue(1);
    }

    /** A store whose first lease request fails, as a database that is briefly unreachable. */
    private static final class DownOnce implements JobLeases {
        private final JobLeases up;
        private boolean failed;

        DownOnce(JobLeases up) {
            this.up = up;
        }

        @Override
        public boolean tryStart(String name, String holder, Instant now, Instant notStartedSince, Instant until) {
            if (!failed) {
                failed = true;
                throw new IllegalStateException("connection refused");
            }
            return up.tryStart(name, holder, now, notStartedSince, until);
        }

        @Override
        public void finish(String name, String holder, Instant now, JobOutcome outcome) {
            up.finish(name, holder, now, outcome);
        }

        @Override
        public void release(String name, String holder, Instant now) {
            up.release(name, holder, now);
        }

        @Override
        public Optional<JobLease> find(String name) {
            return up.find(name);
        }
    }

    @Test
    void jobsAreNamedOnceWithAPositiveInterval() {
        runner.register("purge", EVERY, () -> "");

        assertThatThrownBy(() -> runner.register("purge", EVERY, () -> "")).hasMessageContaining("twice");
        assertThatThrownBy(() -> runner.register("Trial Expiry", EVERY, () -> ""))
                .hasMessageContaining("[a-z0-9-]");
        assertThatThrownBy(() -> runner.register("trial-expiry", Duration.ZERO, () -> ""))
                .hasMessageContaining("positive");
    }
}
