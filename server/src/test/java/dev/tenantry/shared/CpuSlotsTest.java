package dev.tenantry.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CpuSlotsTest {

    @Test
    void admitsAtMostItsSlotsAndTheRestInTheOrderTheyCame() throws Exception {
        CpuSlots slots = new CpuSlots(1, Duration.ofSeconds(30));
        slots.enter();
        List<Integer> admitted = new CopyOnWriteArrayList<>();
        List<Thread> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int order = i;
            Thread thread = Thread.ofPlatform().start(() -> {
                slots.enter();
                admitted.add(order);
                slots.leave();
            });
            waiting.add(thread);
            // each waits in turn before the next comes
            while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
                Thread.onSpinWait();
            }
        }
        assertThat(admitted).isEmpty();
        assertThat(slots.available()).isZero();

        slots.leave();
        for (Thread thread : waiting) {
            thread.join(10_000);
        }
        assertThat(admitted).containsExactly(0, 1, 2);
        assertThat(slots.available()).isEqualTo(1);
    }

    @Test
    void aThreadHoldsOneSlotHoweverOftenItEnters() {
        CpuSlots slots = new CpuSlots(2, Duration.ofSeconds(1));
        slots.enter();
        slots.enter();
        assertThat(slots.available()).isEqualTo(1);
        slots.leave();
        slots.leave();
        assertThat(slots.available()).isEqualTo(2);
    }

    @Test
    void aRequestThatStepsOutLetsAnotherIn() throws Exception {
        CpuSlots slots = new CpuSlots(1, Duration.ofSeconds(30));
        slots.enter();
        boolean steppedOut = slots.stepOut();
        assertThat(steppedOut).isTrue();

        CountDownLatch ran = new CountDownLatch(1);
        Thread.ofPlatform().start(() -> {
            slots.enter();
            ran.countDown();
            slots.leave();
        });
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();

        slots.stepIn(steppedOut);
        assertThat(slots.available()).isZero();
        slots.leave();
        assertThat(slots.stepOut()).as("nothing to step out of").isFalse();
    }

    @Test
    void aRequestNotAdmittedWithinTheBoundRunsAnyway() throws Exception {
        // a handler waiting for another request to this server must not deadlock it
        CpuSlots slots = new CpuSlots(1, Duration.ofMillis(50));
        slots.enter();
        CountDownLatch ran = new CountDownLatch(1);
        Thread.ofPlatform().start(() -> {
            slots.enter();
            ran.countDown();
            slots.leave(); // holds nothing: gives nothing back
        });
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(slots.available()).isZero();
        slots.leave();
        assertThat(slots.available()).isEqualTo(1);
    }

    @Test
    void anInterruptedWaiterRunsWithoutASlotAndKeepsItsInterrupt() throws Exception {
        CpuSlots slots = new CpuSlots(1, Duration.ofSeconds(30));
        slots.enter();
        boolean[] stillInterrupted = new boolean[1];
        Thread thread = Thread.ofPlatform().start(() -> {
            slots.enter();
            stillInterrupted[0] = Thread.currentThread().isInterrupted();
            slots.leave();
        });
        while (thread.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }
        thread.interrupt();
        thread.join(10_000);
        assertThat(stillInterrupted[0]).isTrue();
        slots.leave();
        assertThat(slots.available())
                .as("the slot handed back is not lost to the thread that left")
                .isEqualTo(1);
    }

    @Test
    void underContentionNeverMoreThanItsSlotsRunAndNoneIsLost() throws Exception {
        // waiters time out while slots are handed over: a slot granted to one that gave up must not be lost
        CpuSlots slots = new CpuSlots(2, Duration.ofNanos(20_000));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger admitted = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 2_000; i++) {
                    slots.enter();
                    slots.stepIn(slots.stepOut());
                    // counted only when holding one: a waiter past the bound runs without a slot, by design
                    if (slots.holds()) {
                        admitted.incrementAndGet();
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        inside.decrementAndGet();
                    }
                    slots.leave();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        assertThat(admitted.get()).isPositive();
        assertThat(most.get()).isLessThanOrEqualTo(2);
        assertThat(slots.available()).isEqualTo(2);
    }

    @Test
    void byDefaultHalfAgainAsManySlotsAsCoresInProcessAndTwiceAsManyWithARemoteDatabase() {
        assertThat(CpuSlots.defaultSlots(1, false)).isEqualTo(2);
        assertThat(CpuSlots.defaultSlots(2, false)).isEqualTo(3);
        assertThat(CpuSlots.defaultSlots(8, false)).isEqualTo(12);
        assertThat(CpuSlots.defaultSlots(2, true)).isEqualTo(4);
    }

    @Test
    void aSlotCountThatIsNotOneIsRefusedNamingTheOption() {
        assertThat(CpuSlots.configured(null, 4)).isEqualTo(4);
        assertThat(CpuSlots.configured(" 3 ", 4)).isEqualTo(3);
        assertThat(CpuSlots.configured("0", 4)).isZero();
        for (String bad : new String[] {"two", "-1", "2.5", ""}) {
            assertThatThrownBy(() -> CpuSlots.configured(bad, 4))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-Dtenantry.cpuSlots=" + bad)
                    .hasMessageContaining("whole number");
        }
    }
}
