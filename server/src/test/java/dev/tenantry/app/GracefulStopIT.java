package dev.tenantry.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.NewUser;
import dev.tenantry.testing.CookieClient;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.Tls;
import dev.tenantry.testing.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping a node lets the requests in flight finish (Jetty's graceful stop, issue 13). */
class GracefulStopIT {

    @TempDir
    Path data;

    @Test
    void requestsInFlightWhenTheServerStopsAreAnsweredNotCut() throws Exception {
        TenantryApp app = TenantryApp.start(TenantryConfig.defaults()
                .withPort(0)
                .withDataDir(data)
                .withOperations(Operations.defaults().withDrainSeconds(30)));
        CreatedDirectory created = app.services()
                .tenants()
                .createDirectory("Drain", "US", "drain", NewUser.of("Admin", "admin", TestDirectories.PASSWORD));
        HttpClient http = HttpClient.newBuilder()
                .sslContext(Tls.trusting(app.certificate()))
                .build();
        String form = "client_id=" + Tokens.AZURE_CLI + "&grant_type=password&scope="
                + CookieClient.encode(Tokens.GRAPH) + "&username="
                + CookieClient.encode(created.admin().userPrincipalName()) + "&password="
                + CookieClient.encode(TestDirectories.PASSWORD);
        HttpRequest grant = HttpRequest.newBuilder(URI.create("https://localhost:" + app.port() + "/"
                        + created.tenant().id().value() + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        // warm the connection pool's TLS sessions so the grants below are in the server before it stops
        assertThat(http.send(grant, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);

        // each grant costs an Argon2id check on at most `cores` threads: eight of them keep the server busy a while
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            inFlight.add(http.sendAsync(grant, HttpResponse.BodyHandlers.ofString()));
        }
        Thread.sleep(150);
        long stopping = System.nanoTime();
        app.close();
        Duration stopTook = Duration.ofNanos(System.nanoTime() - stopping);

        for (CompletableFuture<HttpResponse<String>> answer : inFlight) {
            HttpResponse<String> response = answer.join();
            // answered in full: a token, or the password queue's 503 with Retry-After — never a cut connection
            assertThat(response.statusCode()).as(response.body()).isIn(200, 503);
            if (response.statusCode() == 200) {
                assertThat(response.body()).contains("access_token");
            }
        }
        assertThat(stopTook).isLessThan(Duration.ofSeconds(30));
    }
}
