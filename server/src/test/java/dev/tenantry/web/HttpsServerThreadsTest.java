package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.tls.TlsMaterial;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request threads (issue 13's tail defect): bounded platform threads, so busy requests cannot starve cheap ones. */
class HttpsServerThreadsTest {

    @Test
    @DisplayName("issue 13: requests run on a bounded pool of platform threads, not on virtual threads")
    void requestsRunOnBoundedPlatformThreads() {
        QueuedThreadPool pool = HttpsServer.requestThreads();

        assertThat(pool.getMaxThreads()).isEqualTo(HttpsServer.maxRequestThreads());
        assertThat(pool.getMaxThreads()).isGreaterThanOrEqualTo(128);
        assertThat(pool.getVirtualThreadsExecutor()).isNull();
    }

    @Test
    @DisplayName("issue 13: with more CPU-bound requests than cores running, a cheap request is still answered")
    void cpuBoundRequestsDoNotStarveACheapOne(@TempDir Path dir) throws Exception {
        // Each /spin request computes until released (or 60 s pass). On virtual threads they held every carrier and
        // /ping waited for them; on platform threads the OS shares the cores and /ping is answered while they spin.
        int spinners = 2 * Runtime.getRuntime().availableProcessors() + 2;
        CountDownLatch spinning = new CountDownLatch(spinners);
        AtomicBoolean release = new AtomicBoolean();
        TlsMaterial tls = TlsMaterial.loadOrCreate(dir.resolve("cert.pem"), dir.resolve("key.pem"), "localhost");
        Javalin app = HttpsServer.create("localhost", 0, tls, cfg -> {
            cfg.routes.get("/spin", ctx -> {
                spinning.countDown();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                long sum = 0;
                while (!release.get() && System.nanoTime() < end) {
                    sum += System.nanoTime() % 7; // never parks, as RS256 signing in native code never does
                }
                ctx.result(Long.toString(sum));
            });
            cfg.routes.get("/ping", ctx -> ctx.result("pong"));
        });
        app.start();
        try {
            HttpClient http = HttpClient.newBuilder()
                    .sslContext(dev.tenantry.testing.Tls.trusting(tls.certificate()))
                    .build();
            String base = "https://localhost:" + HttpsServer.boundPort(app);
            List<CompletableFuture<HttpResponse<String>>> spins = new ArrayList<>();
            for (int i = 0; i < spinners; i++) {
                spins.add(http.sendAsync(
                        HttpRequest.newBuilder(URI.create(base + "/spin")).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            assertThat(spinning.await(30, TimeUnit.SECONDS))
                    .as("every spinner started")
                    .isTrue();

            HttpResponse<String> ping = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/ping"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean spinnersStillRunning = !release.get();
            release.set(true);

            assertThat(ping.body()).isEqualTo("pong");
            assertThat(spinnersStillRunning).isTrue();
            for (CompletableFuture<HttpResponse<String>> spin : spins) {
                assertThat(spin.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
        } finally {
            release.set(true);
            app.stop();
        }
    }
}
