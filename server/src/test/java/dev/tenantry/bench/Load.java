package dev.tenantry.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import javax.net.ssl.SSLContext;

/**
 * A closed-loop HTTPS load generator: {@code clients} threads, each sending its next request as soon as the last is
 * answered (as {@code wrk} does), over keep-alive HTTP/1.1 connections. Records every latency after the warm-up.
 */
final class Load {

    /** One client's requests: what to send next, and what it learns from each answer (a rotated refresh token). */
    interface Session {
        HttpRequest next();

        default void answered(HttpResponse<String> response) {}
    }

    /** What one measured phase gave: operations per second, latency percentiles and the server's CPU per operation. */
    static final class Result {
        private final String name;
        private final int clients;
        private final long ok;
        private final long failed;
        private final double seconds;
        private final long[] sortedNanos;
        private final double cpuMs;

        Result(String name, int clients, long ok, long failed, double seconds, long[] sortedNanos, double cpuMs) {
            this.name = name;
            this.clients = clients;
            this.ok = ok;
            this.failed = failed;
            this.seconds = seconds;
            this.sortedNanos = sortedNanos;
            this.cpuMs = cpuMs;
        }

        double perSecond() {
            return ok / seconds;
        }

        double cpuMsPerOp() {
            return ok == 0 ? Double.NaN : cpuMs / ok;
        }

        double millis(double fraction) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(fraction * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
        }

        int count() {
            return sortedNanos.length;
        }

        /** How many answered requests took longer than {@code millis}. */
        int over(double millis) {
            long limit = (long) (millis * 1e6);
            int over = 0;
            while (over < sortedNanos.length && sortedNanos[sortedNanos.length - 1 - over] > limit) {
                over++;
            }
            return over;
        }

        double maxMillis() {
            return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
        }

        String line() {
            return String.format(
                    Locale.ROOT,
                    "%-44s c=%-3d %9.0f/s  p50 %7.2f ms  p99 %7.2f ms  max %8.2f ms  cpu/op %6.3f ms%s",
                    name,
                    clients,
                    perSecond(),
                    millis(0.50),
                    millis(0.99),
                    maxMillis(),
                    cpuMsPerOp(),
                    failed == 0 ? "" : "  (" + failed + " failed)");
        }
    }

    private Load() {}

    /**
     * Runs {@code clients} sessions for {@code warmUp} then {@code seconds}, counting only the latter; the CPU time of
     * {@code server} over the measured part is divided by the answered requests.
     */
    static Result run(
            String name,
            SSLContext tls,
            int clients,
            double warmUp,
            double seconds,
            Optional<ProcessHandle> server,
            IntFunction<Session> sessions)
            throws InterruptedException {
        List<HttpClient> https = new ArrayList<>();
        for (int i = 0; i < (clients + 7) / 8; i++) { // one client (and selector thread) per 8 connections
            https.add(HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .sslContext(tls)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build());
        }
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmUp * 1e9);
        long end = measureFrom + (long) (seconds * 1e9);
        AtomicLong cpuBefore = new AtomicLong(-1);
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        long[] failures = new long[clients];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            HttpClient http = https.get(c / 8);
            Session session = sessions.apply(c);
            threads.add(Thread.ofPlatform().daemon().name("load-" + c).start(() -> {
                long[] mine = new long[1 << 14];
                int n = 0;
                while (true) {
                    long before = System.nanoTime();
                    if (before >= end) {
                        break;
                    }
                    if (before >= measureFrom && cpuBefore.get() < 0) {
                        cpuBefore.compareAndSet(-1, cpuNanos(server));
                    }
                    HttpResponse<String> response = send(http, session.next());
                    long after = System.nanoTime();
                    boolean ok = response != null && response.statusCode() / 100 == 2;
                    if (ok) {
                        session.answered(response);
                    }
                    if (before >= measureFrom && after <= end) {
                        if (!ok) {
                            failures[client]++;
                        } else {
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = after - before;
                        }
                    }
                }
                latencies[client] = mine;
                counts[client] = n;
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long cpuAfter = cpuNanos(server);
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        long failed = Arrays.stream(failures).sum();
        double cpuMs = server.isPresent() && cpuBefore.get() >= 0 ? (cpuAfter - cpuBefore.get()) / 1e6 : Double.NaN;
        for (HttpClient http : https) {
            http.close();
        }
        return new Result(name, clients, total, failed, seconds, all, cpuMs);
    }

    /** The CPU time (user + system) the process has used so far, in nanoseconds; 0 when unknown. */
    static long cpuNanos(Optional<ProcessHandle> process) {
        return process.flatMap(p -> p.info().totalCpuDuration())
                .map(Duration::toNanos)
                .orElse(0L);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
