package dev.tenantry.directory.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.shared.CpuSlots;
import dev.tenantry.shared.ServiceBusyException;
import dev.tenantry.testing.PlainPasswordHasher;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BoundedPasswordHasherTest {

    static final Executor THREAD_PER_TASK = task -> Thread.ofPlatform().daemon().start(task);

    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final BoundedPasswordHasher hasher = new BoundedPasswordHasher(new PlainPasswordHasher(), 1, 1);

    @AfterEach
    void close() {
        release.countDown();
        hasher.close();
    }

    /** Occupies the one worker until {@link #release} opens. */
    CompletableFuture<Object> occupyTheWorker() throws InterruptedException {
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(
                () -> hasher.bounded(() -> {
                    started.countDown();
                    awaitRelease();
                    return "done";
                }),
                THREAD_PER_TASK);
        started.await();
        return running;
    }

    void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends one check that waits in the queue behind the occupied worker. */
    CompletableFuture<Boolean> queueOneCheck() throws InterruptedException {
        CompletableFuture<Boolean> queued =
                CompletableFuture.supplyAsync(() -> hasher.matches("a", "plain:a"), THREAD_PER_TASK);
        while (hasher.waiting() < 1) {
            Thread.sleep(5);
        }
        return queued;
    }

    @Test
    void checksPassThroughToTheHasher() {
        String hash = hasher.hash("Passw0rd!x");

        assertThat(hasher.matches("Passw0rd!x", hash)).isTrue();
        assertThat(hasher.matches("wrong", hash)).isFalse();
    }

    @Test
    @DisplayName("issue 7.8: a check past the queue bound is refused at once with a retry-after, not queued")
    void aCheckPastTheQueueBoundIsShed() throws Exception {
        CompletableFuture<Object> running = occupyTheWorker();
        CompletableFuture<Boolean> queued = queueOneCheck();

        assertThatThrownBy(() -> hasher.matches("b", "plain:b"))
                .isInstanceOfSatisfying(ServiceBusyException.class, busy -> {
                    assertThat(busy.code()).isEqualTo("server_busy");
                    assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                });
        release.countDown();
        assertThat(running.get()).isEqualTo("done");
        assertThat(queued.get()).isTrue();
    }

    @Test
    @DisplayName("issue 13: a caller can learn before its reads that a check would be refused, and only then")
    void capacityIsRefusedOnlyWhileWorkersAndQueueAreFull() throws Exception {
        hasher.requireCapacity();
        CompletableFuture<Object> running = occupyTheWorker();
        hasher.requireCapacity(); // the queue has a place
        CompletableFuture<Boolean> queued = queueOneCheck();

        assertThatThrownBy(hasher::requireCapacity).isInstanceOfSatisfying(ServiceBusyException.class, busy -> {
            assertThat(busy.code()).isEqualTo("server_busy");
            assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        });
        release.countDown();
        running.get();
        queued.get();
        hasher.requireCapacity();
    }

    @Test
    @DisplayName("issue 7.8: once the queue drains, checks are accepted again")
    void checksAreAcceptedAgainOnceTheQueueDrains() throws Exception {
        CompletableFuture<Object> running = occupyTheWorker();
        CompletableFuture<Boolean> queued = queueOneCheck();
        release.countDown();
        running.get();
        queued.get();

        boolean matches = hasher.matches("c", "plain:c");

        assertThat(matches).isTrue();
    }

    @Test
    void aFailureOfTheHasherReachesTheCaller() {
        assertThatThrownBy(() -> hasher.bounded(() -> {
                    throw new IllegalArgumentException("bad hash");
                }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad hash");
    }

    @Test
    @DisplayName(
            "issue 13: a request waiting for its password check gives its CPU slot up meanwhile, and takes it back")
    void aWaitingCheckGivesItsSlotUp() throws Exception {
        CpuSlots slots = new CpuSlots(1, Duration.ofSeconds(30));
        try (BoundedPasswordHasher withSlots = new BoundedPasswordHasher(new PlainPasswordHasher(), 1, 1, slots)) {
            CountDownLatch hashing = new CountDownLatch(1);
            CompletableFuture<Integer> slotsAfterTheCheck = CompletableFuture.supplyAsync(
                    () -> {
                        slots.enter();
                        withSlots.bounded(() -> {
                            hashing.countDown();
                            awaitRelease();
                            return null;
                        });
                        int free = slots.available();
                        slots.leave();
                        return free;
                    },
                    THREAD_PER_TASK);
            hashing.await();

            // while the check runs, another request takes the one slot, does its work and gives it back
            CompletableFuture<Void> other = CompletableFuture.runAsync(
                    () -> {
                        slots.enter();
                        slots.leave();
                    },
                    THREAD_PER_TASK);
            assertThat(other).succeedsWithin(Duration.ofSeconds(10));
            release.countDown();

            assertThat(slotsAfterTheCheck)
                    .succeedsWithin(Duration.ofSeconds(10))
                    .isEqualTo(0);
            assertThat(slots.available()).isEqualTo(1);
        }
    }
}
