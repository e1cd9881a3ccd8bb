package dev.tenantry.testing;

import dev.tenantry.app.TenantryApp;
import dev.tenantry.app.TenantryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Boots a real Tenantry server once per test class: port 0, a private data directory, HTTPS, real migrations. With
 * {@code TENANTRY_TEST_PG_URL} (and {@code TENANTRY_TEST_PG_USER}, {@code TENANTRY_TEST_PG_PASSWORD}) set, each class
 * gets a fresh PostgreSQL database on that server instead of the embedded H2.
 */
public final class RunningServer implements BeforeAllCallback, AfterAllCallback {

    private TenantryApp server;
    private Path dataDir;
    private HttpClient http;
    private final PostgresDatabases postgres = PostgresDatabases.fromEnv(System.getenv());
    private String jdbcUrl;
    private final UnaryOperator<TenantryConfig> configure;

    /** A server with the test defaults. */
    public RunningServer() {
        this(UnaryOperator.identity());
    }

    /** A server whose test configuration {@code configure} adjusts, for example with a public URL. */
    public RunningServer(UnaryOperator<TenantryConfig> configure) {
        this.configure = configure;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("tenantry-it");
        jdbcUrl = postgres == null ? null : postgres.create();
        start();
    }

    private void start() {
        TenantryConfig config =
                configure.apply(TenantryConfig.defaults().withPort(0).withDataDir(dataDir));
        server = TenantryApp.start(postgres == null ? config : postgres.configure(config, jdbcUrl));
        http = HttpClient.newBuilder()
                .sslContext(Tls.trusting(server.certificate()))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * Starts this server as one node of several ({@link TwoNodes}): its own data directory, the database
     * {@code sharedJdbcUrl} on the test PostgreSQL server, which the caller made and drops.
     */
    void startNode(String sharedJdbcUrl) throws IOException {
        dataDir = Files.createTempDirectory("tenantry-node");
        jdbcUrl = sharedJdbcUrl;
        start();
    }

    /** Stops a node started with {@link #startNode} and deletes its data directory; the shared database stays. */
    void stopNode() throws IOException {
        server.close();
        deleteDataDir();
    }

    /** Stops and starts the server on the same data directory, as an operator restarting it would. */
    public void restart() {
        server.close();
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        server.close();
        if (postgres != null) {
            postgres.drop(jdbcUrl);
        }
        deleteDataDir();
    }

    private void deleteDataDir() throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    public TenantryApp app() {
        return server;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String baseUrl() {
        return "https://localhost:" + server.port();
    }

    public HttpClient http() {
        return http;
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30));
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> get(String path, String bearer) {
        return send(
                request(path).header("Authorization", "Bearer " + bearer).GET().build());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public HttpResponse<String> postJson(String path, String json, String bearer) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public HttpResponse<String> postForm(String path, String form) {
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }
}
