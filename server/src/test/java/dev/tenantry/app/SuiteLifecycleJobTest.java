package dev.tenantry.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.jobs.InMemoryJobLeases;
import dev.tenantry.jobs.JobRunner;
import dev.tenantry.shared.Caller;
import dev.tenantry.subscriptions.SuiteSubscription;
import dev.tenantry.testing.TestClock;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 9: the server's job runner, with the jobs {@link BackgroundJobs} registers, moves an ended trial on. */
class SuiteLifecycleJobTest {

    private final TestClock clock = TestClock.atTen();
    private final TestWorld world = TestWorld.create(clock);
    private final JobRunner runner =
            BackgroundJobs.register(new JobRunner(new InMemoryJobLeases(), clock, "node-a"), world.services());
    private final TestDirectory contoso = TestDirectories.contoso().create(world);

    private SuiteSubscription.State stateOf(SuiteSubscription subscription) {
        return world.subscriptions()
                .getSuiteSubscription(Caller.system(), contoso.id(), subscription.id())
                .state();
    }

    @Test
    @DisplayName("issue 9: the suite-lifecycle job turns a trial whose end passed into Warning, and only once")
    void theJobMovesATrialWhoseEndPassed() {
        SuiteSubscription trial =
                world.subscriptions().buySuiteSubscription(contoso.adminCaller(), "O365_BUSINESS_PREMIUM", 5, true);
        assertThat(runner.runDue()).contains("suite-lifecycle");
        assertThat(stateOf(trial)).isEqualTo(SuiteSubscription.State.ENABLED);

        clock.advance(Duration.ofDays(30).plusMinutes(10));
        assertThat(runner.runDue()).contains("suite-lifecycle");

        assertThat(stateOf(trial)).isEqualTo(SuiteSubscription.State.WARNING);
        SuiteSubscription expired =
                world.subscriptions().getSuiteSubscription(Caller.system(), contoso.id(), trial.id());
        clock.advance(BackgroundJobs.LIFECYCLE_EVERY);
        assertThat(runner.runDue()).contains("suite-lifecycle");
        assertThat(world.subscriptions().getSuiteSubscription(Caller.system(), contoso.id(), trial.id()))
                .isEqualTo(expired);
    }
}
