package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.testing.ContractStores;
import dev.tenantry.testing.Races;
import dev.tenantry.testing.RepositoryContract;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link ClientAssertionReplays} does (issue 11), on the fake and on SQL. */
public abstract class ClientAssertionReplaysContract extends RepositoryContract {

    private final ClientAssertionReplays replays;

    protected <S extends ContractStores> ClientAssertionReplaysContract(
            S stores, Function<S, ClientAssertionReplays> replaysOver) {
        super(stores);
        this.replays = replaysOver.apply(stores);
    }

    @Test
    @DisplayName("issue 11: a jti is accepted once until it expires, then forgotten")
    void firstUseOnlyUntilExpiry() {
        assertThat(replays.firstUse("a", NOW.plus(Duration.ofMinutes(15)), NOW)).isTrue();
        assertThat(replays.firstUse("a", NOW.plus(Duration.ofMinutes(15)), NOW.plusSeconds(60)))
                .isFalse();
        assertThat(replays.firstUse("b", NOW.plus(Duration.ofMinutes(15)), NOW)).isTrue();
        assertThat(replays.firstUse("a", NOW.plus(Duration.ofMinutes(40)), NOW.plus(Duration.ofMinutes(16))))
                .isTrue();
    }

    @Test
    @DisplayName("issue 11: two concurrent uses of one jti: exactly one wins")
    void concurrentUsesOneWins() throws Exception {
        List<Boolean> answers = new CopyOnWriteArrayList<>();
        Runnable use = () -> answers.add(replays.firstUse("race", NOW.plus(Duration.ofMinutes(15)), NOW));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Races.race(threads, use, use);
        } finally {
            threads.shutdownNow();
        }

        assertThat(answers).containsExactlyInAnyOrder(true, false);
    }
}
