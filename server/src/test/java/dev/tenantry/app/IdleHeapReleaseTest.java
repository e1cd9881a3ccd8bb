package dev.tenantry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IdleHeapReleaseTest {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong growth = new AtomicLong(IdleHeapRelease.SLACK);
    private final AtomicInteger collections = new AtomicInteger();
    private final IdleHeapRelease release =
            new IdleHeapRelease(requests::get, growth::get, collections::incrementAndGet);

    @Test
    void collectsOnceWhenNoRequestArrivedSinceTheLastCheckAndTheOldGenerationGrew() {
        requests.set(500);
        assertThat(release.check()).as("requests since the first look: busy").isFalse();
        assertThat(release.check()).as("idle a whole interval").isTrue();
        assertThat(release.check()).as("one collection per idle spell").isFalse();
        assertThat(release.check()).isFalse();
        assertThat(collections).hasValue(1);
    }

    @Test
    void neverCollectsWhileRequestsKeepArriving() {
        for (int i = 0; i < 10; i++) {
            requests.incrementAndGet();
            assertThat(release.check()).isFalse();
        }
        assertThat(collections).hasValue(0);
    }

    @Test
    void aNewIdleSpellAfterRequestsCollectsAgain() {
        release.check();
        assertThat(release.check()).isTrue();
        requests.incrementAndGet();
        assertThat(release.check()).as("requests came").isFalse();
        assertThat(release.check()).as("idle again").isTrue();
        assertThat(collections).hasValue(2);
    }

    @Test
    void leavesAnOldGenerationThatHasHardlyGrown() {
        growth.set(IdleHeapRelease.SLACK - 1);
        release.check();
        assertThat(release.check()).isFalse();
        assertThat(collections).hasValue(0);
        growth.set(IdleHeapRelease.SLACK);
        assertThat(release.check())
                .as("grew while idle: still this spell, not yet collected")
                .isTrue();
    }

    @Test
    void startsOnlyUnderTheSerialCollector() {
        boolean serial = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .anyMatch(gc -> gc.getName().equals("MarkSweepCompact"));
        var stop = IdleHeapRelease.startIfSerial(requests::get);
        try {
            assertThat(stop.isPresent()).isEqualTo(serial);
        } finally {
            stop.ifPresent(Runnable::run);
        }
    }
}
