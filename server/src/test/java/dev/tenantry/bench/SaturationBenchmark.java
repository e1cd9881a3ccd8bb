package dev.tenantry.bench;

// Run: bin/bench-saturation [seconds] [clients]   (builds, then runs this main on the test classpath; not a test)

import dev.tenantry.app.TenantryApp;
import dev.tenantry.app.TenantryConfig;
import dev.tenantry.directory.NewUser;
import dev.tenantry.testing.Tls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Issue 7.8: how a cheap request ({@code GET /health}) fares while many clients send password grants, each of which
 * costs one Argon2id run. Prints the latency of {@code /health} (p50, p99, max), the grants answered per status, and
 * the grants per second.
 */
public final class SaturationBenchmark {

    private static final String CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

    private SaturationBenchmark() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 48;
        Path data = Files.createTempDirectory("tenantry-bench");
        try (TenantryApp app =
                TenantryApp.start(TenantryConfig.defaults().withPort(0).withDataDir(data))) {
            app.services()
                    .directory()
                    .createDirectory("Contoso", "US", "contoso", NewUser.of("Bench Admin", "admin", "Passw0rd!x"));
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .sslContext(Tls.trusting(app.certificate()))
                    .build();
            String base = "https://localhost:" + app.port();
            // the right password: every grant costs a full check, and no lockout cuts the load short
            HttpRequest grant = HttpRequest.newBuilder(URI.create(base + "/organizations/oauth2/v2.0/token"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=" + CLI
                            + "&username=admin%40contoso.onmicrosoft.test&password=Passw0rd%21x"
                            + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"))
                    .build();
            HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/health"))
                    .timeout(Duration.ofSeconds(60))
                    .GET()
                    .build();
            send(http, health); // warm the connection and the route
            Result result = run(http, grant, health, clients, seconds);
            print(result, clients, seconds);
        }
    }

    private record Result(
            List<Long> healthNanos, Map<Integer, LongAdder> grantStatuses, double elapsedSeconds, String loadBefore) {}

    private static Result run(HttpClient http, HttpRequest grant, HttpRequest health, int clients, double seconds)
            throws InterruptedException {
        String loadBefore = loadAverage();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            workers.add(Thread.ofPlatform().daemon().start(() -> {
                while (System.nanoTime() < end) {
                    int status = send(http, grant);
                    statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                }
            }));
        }
        Thread.sleep(1_000); // let the load build up before measuring
        List<Long> healthNanos = new ArrayList<>();
        while (System.nanoTime() < end) {
            long before = System.nanoTime();
            send(http, health);
            healthNanos.add(System.nanoTime() - before);
            Thread.sleep(20);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return new Result(healthNanos, statuses, (System.nanoTime() - start) / 1e9, loadBefore);
    }

    private static int send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -2;
        }
    }

    private static void print(Result result, int clients, double seconds) {
        List<Long> sorted = new ArrayList<>(result.healthNanos());
        Collections.sort(sorted);
        long grants = result.grantStatuses().values().stream()
                .mapToLong(LongAdder::sum)
                .sum();
        Map<Integer, Long> byStatus = new TreeMap<>();
        result.grantStatuses().forEach((status, count) -> byStatus.put(status, count.sum()));
        System.out.printf(
                Locale.ROOT,
                "%d clients sending password grants for %.0f s on %d cores (load average before/after: %s / %s)%n",
                clients,
                seconds,
                Runtime.getRuntime().availableProcessors(),
                result.loadBefore(),
                loadAverage());
        System.out.printf(
                Locale.ROOT,
                "/health (%d requests): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                sorted.size(),
                percentile(sorted, 0.50),
                percentile(sorted, 0.99),
                sorted.isEmpty() ? Double.NaN : sorted.getLast() / 1e6);
        System.out.printf(
                Locale.ROOT,
                "password grants: %d (%.1f/s), by status %s%n",
                grants,
                grants / result.elapsedSeconds(),
                byStatus);
    }

    /** The one-minute load average of the machine (the benchmark shares its cores with whatever else runs). */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 2)[0];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static double percentile(List<Long> sorted, double fraction) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(fraction * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }
}
