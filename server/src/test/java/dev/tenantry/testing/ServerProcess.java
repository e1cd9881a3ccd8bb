package dev.tenantry.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged server ({@code target/tenantry.jar serve}) in a JVM of its own on a given data directory, so a test can
 * kill it as a crash would ({@link #kill()} is SIGKILL) and start it again on the same directory.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("^Tenantry is serving https://[^:/]+:(\\d+)/ .*$");

    private final Process process;
    private final int port;
    private final HttpClient http;
    private final Path stderr;

    private ServerProcess(Process process, int port, HttpClient http, Path stderr) {
        this.process = process;
        this.port = port;
        this.http = http;
        this.stderr = stderr;
    }

    /** The jar the build packaged ({@code -Dtenantry.jar} overrides), or a failure that says how to build it. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("tenantry.jar", "target/tenantry.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No server jar at " + jar.toAbsolutePath()
                    + ": run ./mvnw -pl server package -DskipTests (failsafe ITs run after package)");
        }
        return jar;
    }

    /** Starts {@code tenantry serve --data dataDir --port 0} with {@code env} added, and waits until it serves. */
    public static ServerProcess start(Path dataDir, Map<String, String> env) {
        try {
            Path log = Files.createTempFile("tenantry-process-", ".log");
            Process process = launch(dataDir, env, log);
            CompletableFuture<Integer> port = new CompletableFuture<>();
            Thread reader = new Thread(() -> readPort(process, port), "tenantry-process-stdout");
            reader.setDaemon(true);
            reader.start();
            CompletableFuture<?> exited = process.onExit()
                    .thenRun(() -> port.completeExceptionally(new IllegalStateException(
                            "the server exited with status " + process.exitValue() + ": " + read(log))));
            exited.exceptionally(failure -> null);
            int bound = port.get(90, TimeUnit.SECONDS);
            Path certificate = dataDir.resolve("tls").resolve("server.pem");
            HttpClient http = HttpClient.newBuilder()
                    .sslContext(Tls.trusting(dev.tenantry.tls.TlsMaterial.readCertificate(certificate)))
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            return new ServerProcess(process, bound, http, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the server did not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Process launch(Path dataDir, Map<String, String> env, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx512m"));
        command.addAll(List.of("-jar", jar().toAbsolutePath().toString(), "serve", "--data", dataDir.toString()));
        command.addAll(List.of("--host", "127.0.0.1", "--port", "0"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TENANTRY_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void readPort(Process process, CompletableFuture<Integer> port) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                Matcher matcher = SERVING.matcher(line.strip());
                if (matcher.matches()) {
                    port.complete(Integer.parseInt(matcher.group(1)));
                }
            }
        } catch (IOException e) {
            port.completeExceptionally(e);
        }
    }

    /** Posts {@code json} to {@code path}; a connection the server dropped is an {@link IOException}. */
    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return http.send(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) {
        try {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60));
    }

    /** Kills the server as a crash would: SIGKILL, no shutdown hook, no flush. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the server wrote to stderr so far. */
    public String stderr() {
        return read(stderr);
    }

    /**
     * What the server wrote to stderr once it holds {@code text}, waiting up to {@code within}: the server's log lines are
     * buffered (up to 100 ms), so a line logged before "serving" may reach stderr after it. Past the wait, what it
     * holds (for the assertion to show).
     */
    public String stderrOnce(String text, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        String written = stderr();
        while (!written.contains(text) && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            written = stderr();
        }
        return written;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(stderr);
        } catch (IOException e) {
            // a leftover log in the temporary directory is harmless
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
