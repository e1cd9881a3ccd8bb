package dev.tenantry.bench;

// Run (after ./mvnw -pl server package -DskipTests; not part of the test suite):
//   java -cp "server/target/test-classes:server/target/classes:server/target/lib/*" \
//       [-Dtenantry.jar=server/target/tenantry.jar] dev.tenantry.bench.SignUpBenchmark [seconds] [clients]

import dev.tenantry.testing.ServerProcess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Sign-ups per second against the packaged server in its own JVM, on a fresh data directory. */
public final class SignUpBenchmark {

    private SignUpBenchmark() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path data = Files.createTempDirectory("tenantry-bench-");
        try (ServerProcess server = ServerProcess.start(data, Map.of())) {
            run(server, 3, clients, "warm"); // JIT and pool warm-up, not counted
            double rate = run(server, seconds, clients, "run");
            System.out.printf(
                    Locale.ROOT,
                    "sign-ups/s: %.1f (%d clients, %.0f s, jar %s)%n",
                    rate,
                    clients,
                    seconds,
                    ServerProcess.jar().toAbsolutePath().normalize());
        }
    }

    private static double run(ServerProcess server, double seconds, int clients, String tag) throws Exception {
        LongAdder created = new LongAdder();
        AtomicInteger next = new AtomicInteger();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    String prefix = tag + next.incrementAndGet();
                    if (signUp(server, prefix).statusCode() == 201) {
                        created.increment();
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        pool.shutdown();
        return created.sum() / ((System.nanoTime() - start) / 1e9);
    }

    private static HttpResponse<String> signUp(ServerProcess server, String prefix)
            throws IOException, InterruptedException {
        return server.postJson("/api/signups", """
                {"organization":"Bench %s","domainPrefix":"%s","countryCode":"US",
                 "admin":{"displayName":"Kelley Wall","userName":"admin","password":"Tenantry!2026"},
                 "product":"O365_BUSINESS_ESSENTIALS"}
                """.formatted(prefix, prefix));
    }
}
