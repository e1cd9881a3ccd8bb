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
        // MSAL waits out Retry-After on 429/503; "ignore" makes the clients resend at once, as an attacker would
        boolean honourRetryAfter = args.length < 3 || !args[2].equals("ignore");
        Path data = Files.createTempDirectory("tenantry-bench");
        try (TenantryApp app =
                TenantryApp.start(TenantryConfig.defaults().withPort(0).withDataDir(data))) {
            app.services()
                    .tenants()
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
            // the prober is a client of its own, as a load balancer's health check is
            HttpClient prober = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .sslContext(Tls.trusting(app.certificate()))
                    .build();
            send(prober, health); // warm the connection and the route
            List<Long> idle = healthWhile(prober, health, System.nanoTime() + 3_000_000_000L);
            Result result = run(http, prober, grant, health, clients, seconds, honourRetryAfter);
            print(result, clients, seconds);
            System.out.println(
                    honourRetryAfter ? "clients wait out Retry-After, as MSAL does" : "clients ignore Retry-After");
            System.out.println("/health with no load, the same 3 s before: " + latencies(idle));
        }
    }

    private record Result(
            List<Long> healthNanos, Map<Integer, LongAdder> grantStatuses, double elapsedSeconds, String loadBefore) {}

    private static Result run(
            HttpClient http,
            HttpClient prober,
            HttpRequest grant,
            HttpRequest health,
            int clients,
            double seconds,
            boolean honour)
            throws InterruptedException {
        String loadBefore = loadAverage();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            workers.add(Thread.ofPlatform().daemon().start(() -> {
                while (System.nanoTime() < end) {
                    HttpResponse<Void> response = exchange(http, grant);
                    int status = response == null ? -1 : response.statusCode();
                    statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                    if (honour && response != null) {
                        waitOut(response);
                    }
                }
            }));
        }
        Thread.sleep(1_000); // let the load build up before measuring
        List<Long> healthNanos = healthWhile(prober, health, end);
        for (Thread worker : workers) {
            worker.join();
        }
        return new Result(healthNanos, statuses, (System.nanoTime() - start) / 1e9, loadBefore);
    }

    /** Latencies of {@code GET /health}, one request at a time every 20 ms, until {@code end}. */
    private static List<Long> healthWhile(HttpClient http, HttpRequest health, long end) throws InterruptedException {
        List<Long> nanos = new ArrayList<>();
        while (System.nanoTime() < end) {
            long before = System.nanoTime();
            send(http, health);
            nanos.add(System.nanoTime() - before);
            Thread.sleep(20);
        }
        return nanos;
    }

    private static int send(HttpClient http, HttpRequest request) {
        HttpResponse<Void> response = exchange(http, request);
        return response == null ? -1 : response.statusCode();
    }

    private static HttpResponse<Void> exchange(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void waitOut(HttpResponse<Void> response) {
        long seconds = response.headers()
                .firstValue("Retry-After")
                .map(Long::parseLong)
                .orElse(0L);
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void print(Result result, int clients, double seconds) {
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
        System.out.println("/health under load: " + latencies(result.healthNanos()));
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

    private static String latencies(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format(
                Locale.ROOT,
                "%d requests, p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                sorted.size(),
                percentile(sorted, 0.50),
                percentile(sorted, 0.99),
                sorted.isEmpty() ? Double.NaN : sorted.getLast() / 1e6);
    }

    private static double percentile(List<Long> sorted, double fraction) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(fraction * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }
}
