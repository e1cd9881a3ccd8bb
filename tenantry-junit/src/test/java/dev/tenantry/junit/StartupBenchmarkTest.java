package dev.tenantry.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Issue 14's start-up figure: runs a test class with the extension (seeded, one empty test) and an empty test class
 * through the JUnit launcher, several times each after a warm-up, and prints the medians and their ratio. It asserts
 * nothing about the time, so a slow shared machine does not fail the build; the README reports the figure.
 */
class StartupBenchmarkTest {

    private static final int RUNS = 7;

    static class EmptyTest {
        @Test
        void nothing() {}
    }

    static class SeededTest {
        @RegisterExtension
        static TenantryExtension tenantry =
                TenantryExtension.builder().seed("tenantry-seed.yaml").build();

        @Test
        void nothing() {}
    }

    static class ResetTest {
        @RegisterExtension
        static TenantryExtension tenantry =
                TenantryExtension.builder().seed("tenantry-seed.yaml").build();

        @Test
        void resets() {
            long start = System.nanoTime();
            for (int i = 0; i < RUNS * 4; i++) {
                tenantry.reset();
            }
            System.out.printf(
                    "tenantry-junit benchmark: reset to the seed (snapshot restore) %.1f ms%n",
                    (System.nanoTime() - start) / 1e6 / (RUNS * 4));
        }
    }

    @Test
    void startToReadyComparedWithAnEmptyTest() {
        Launcher launcher = LauncherFactory.create();
        run(launcher, EmptyTest.class);
        for (int i = 0; i < 3; i++) { // warm-up: class loading, JIT, the TLS certificate and the seed made once per JVM
            run(launcher, SeededTest.class);
        }
        long[] empty = new long[RUNS];
        long[] seeded = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            empty[i] = run(launcher, EmptyTest.class);
            seeded[i] = run(launcher, SeededTest.class);
        }
        run(launcher, ResetTest.class);
        double emptyMs = median(empty) / 1e6;
        double seededMs = median(seeded) / 1e6;
        System.out.printf(
                "tenantry-junit benchmark: empty test class %.1f ms, seeded Tenantry test class %.1f ms (start to ready"
                        + " and stop), ratio %.1f%n",
                emptyMs, seededMs, seededMs / Math.max(emptyMs, 0.001));
    }

    private static long run(Launcher launcher, Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        long start = System.nanoTime();
        launcher.execute(
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(testClass))
                        .build(),
                listener);
        long took = System.nanoTime() - start;
        if (listener.getSummary().getTotalFailureCount() > 0) {
            throw new AssertionError(listener.getSummary().getFailures().get(0).getException());
        }
        return took;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
