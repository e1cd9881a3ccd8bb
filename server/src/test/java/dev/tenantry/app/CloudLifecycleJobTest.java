package dev.tenantry.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.jobs.InMemoryJobLeases;
import dev.tenantry.jobs.JobRunner;
import dev.tenantry.subscriptions.CloudLifecycle;
import dev.tenantry.subscriptions.CloudSubscription;
import dev.tenantry.testing.TestClock;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 10: the server's job runner, with the jobs {@link BackgroundJobs} registers, ends a free trial on the clock. */
class CloudLifecycleJobTest {

    private final TestClock clock = TestClock.atTen();
    private final TestWorld world = TestWorld.create(clock);
    private final JobRunner runner =
            BackgroundJobs.register(new JobRunner(new InMemoryJobLeases(), clock, "node-a"), world.services());
    private final TestDirectory contoso = TestDirectories.contoso().create(world);

    private CloudSubscription.State stateOf(CloudSubscription subscription) {
        return world.clouds().findById(subscription.id()).orElseThrow().state();
    }

    @Test
    @DisplayName("issue 10: the cloud-lifecycle job disables a free trial after 30 days, then deletes it after 90 more")
    void theJobEndsATrialAndDeletesItAfterRetention() {
        CloudSubscription trial =
                world.subscriptions().createCloudSubscription(contoso.adminCaller(), "MS-AZR-0044P", "Trial", null);
        assertThat(runner.runDue()).contains("cloud-lifecycle");
        assertThat(stateOf(trial)).isEqualTo(CloudSubscription.State.ENABLED);

        clock.advance(CloudLifecycle.TRIAL.plusMinutes(10));
        assertThat(runner.runDue()).contains("cloud-lifecycle");
        assertThat(stateOf(trial)).isEqualTo(CloudSubscription.State.DISABLED);

        clock.advance(CloudLifecycle.RETENTION.plus(Duration.ofMinutes(10)));
        assertThat(runner.runDue()).contains("cloud-lifecycle");
        assertThat(stateOf(trial)).isEqualTo(CloudSubscription.State.DELETED);
    }
}
