package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.testing.ContractStores;
import dev.tenantry.testing.RepositoryContract;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link LockoutRepository} does (issue 8: a contract per fake, run on the fake and on SQL). */
public abstract class LockoutRepositoryContract extends RepositoryContract {

    private static final Duration HOUR = Duration.ofHours(1);

    protected LockoutRepositoryContract(ContractStores stores) {
        super(stores);
    }

    private LockoutRepository lockouts() {
        return stores.lockouts();
    }

    private Lockout failedAt(String subject, Instant lastFailureAt, Instant lockedUntil) {
        Lockout state = new Lockout(subject, 1, lastFailureAt, lockedUntil, lockedUntil == null ? 0 : 1, lastFailureAt);
        return lockouts().update(subject, current -> state);
    }

    @Test
    @DisplayName("issue 8: a subject with no failure has no state")
    void unknownSubjectHasNoState() {
        assertThat(lockouts().find("user:nobody")).isEmpty();
    }

    @Test
    @DisplayName("issue 8: the first update starts from no failures, later ones from what is stored")
    void updateAppliesTheChangeToTheStoredState() {
        Lockout first = lockouts().update("user:kelley", current -> {
            assertThat(current).isEqualTo(Lockout.none("user:kelley"));
            return new Lockout(current.subject(), current.failures() + 1, NOW, null, 0, NOW);
        });
        Lockout second = lockouts()
                .update(
                        "user:kelley",
                        current -> new Lockout(
                                current.subject(),
                                current.failures() + 1,
                                current.windowStartedAt(),
                                NOW.plus(HOUR),
                                1,
                                NOW.plusSeconds(5)));

        assertThat(first.failures()).isEqualTo(1);
        assertThat(second).isEqualTo(new Lockout("user:kelley", 2, NOW, NOW.plus(HOUR), 1, NOW.plusSeconds(5)));
        assertThat(lockouts().find("user:kelley")).contains(second);
        assertThat(lockouts().find("user:megan")).isEmpty();
    }

    @Test
    @DisplayName("issue 8: deleting forgets the subject's state")
    void deleteForgetsTheState() {
        failedAt("user:kelley", NOW, null);

        lockouts().delete("user:kelley");
        lockouts().delete("user:nobody");

        assertThat(lockouts().find("user:kelley")).isEmpty();
    }

    @Test
    @DisplayName("issue 8: stale states are forgotten unless a lock is in force; states with no failure time stay")
    void deleteStaleKeepsRecentAndLockedStates() {
        failedAt("stale", NOW.minus(HOUR.multipliedBy(2)), null);
        failedAt("lock-ended", NOW.minus(HOUR.multipliedBy(2)), NOW);
        failedAt("recent", NOW.minusSeconds(60), null);
        failedAt("locked", NOW.minus(HOUR.multipliedBy(2)), NOW.plusSeconds(1));
        lockouts().update("no-failure-time", current -> current);

        int deleted = lockouts().deleteStale(NOW.minus(HOUR), NOW);

        assertThat(deleted).isEqualTo(2);
        assertThat(lockouts().find("stale")).isEmpty();
        assertThat(lockouts().find("lock-ended")).isEmpty();
        assertThat(lockouts().find("recent")).isPresent();
        assertThat(lockouts().find("locked")).isPresent();
        assertThat(lockouts().find("no-failure-time")).isPresent();
    }

    @Test
    @DisplayName("issue 8: an update in a transaction that fails afterwards is not kept")
    void updateInAFailedTransactionIsNotKept() {
        failedAt("user:kelley", NOW, null);

        assertThatThrownBy(() -> stores.inTransaction(() -> {
                    failedAt("user:kelley", NOW.plusSeconds(5), NOW.plus(HOUR));
                    failedAt("user:megan", NOW, null);
                    throw new IllegalStateException("fails after counting");
                }))
                .hasMessage("fails after counting");

        assertThat(lockouts().find("user:kelley").orElseThrow().lastFailureAt()).isEqualTo(NOW);
        assertThat(lockouts().find("user:megan")).isEmpty();
    }
}
