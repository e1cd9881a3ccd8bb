package dev.tenantry.clients;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged server ({@code tenantry.jar serve}) in its own JVM, started once per test JVM and stopped by a shutdown
 * hook. It binds port 443 when it can (compat P1: MSAL's cache and refresh, azure-identity and the ARM/Graph SDKs only
 * work with a port-less URL) and falls back to a free port otherwise.
 */
public final class TenantryProcess {

    private static final Pattern SERVING =
            Pattern.compile("^Tenantry is serving https://127\\.0\\.0\\.1(?::(\\d+))?/ \\(data: .*\\)$");
    private static final long START_TIMEOUT_SECONDS = 60;

    private static TenantryProcess instance;

    private final Process process;
    private final Path data;
    private final int port;

    private TenantryProcess(Process process, Path data, int port) {
        this.process = process;
        this.data = data;
        this.port = port;
    }

    /** The running server, started on first use; the trust store is set before this returns. */
    public static synchronized TenantryProcess get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "tenantry-stop"));
            ServerTrust.install(instance.trustAnchor());
            CompatReport.serverStarted(instance.port);
        }
        return instance;
    }

    /** {@code https://127.0.0.1} on port 443 (never {@code :443}), else {@code https://127.0.0.1:PORT}. */
    public String baseUrl() {
        return port == 443 ? "https://127.0.0.1" : "https://127.0.0.1:" + port;
    }

    public boolean onPort443() {
        return port == 443;
    }

    public int port() {
        return port;
    }

    /** The server's self-signed certificate ({@code <data>/tls/server.pem}), for clients that pin or import it. */
    public Path certificate() {
        return data.resolve("tls").resolve("server.pem");
    }

    /** The local CA that issued the certificate ({@code <data>/tls/ca.pem}, made by {@code tenantry cert ca}). */
    public Path caCertificate() {
        return data.resolve("tls").resolve("ca.pem");
    }

    /** What clients trust: the local CA when there is one, else the server's own certificate. */
    Path trustAnchor() {
        return Files.exists(caCertificate()) ? caCertificate() : certificate();
    }

    /** {@code java -jar tenantry.jar}, to which a test appends a command and {@code --data} {@link #dataDir()}. */
    List<String> cli() {
        return List.of(java(), "-jar", jar().toAbsolutePath().toString());
    }

    Path dataDir() {
        return data;
    }

    /** Runs {@code tenantry ARGS --data <data>} to its end; returns its standard output. */
    public String command(String... args) {
        return command(data, args);
    }

    private static String command(Path data, String... args) {
        List<String> command = new java.util.ArrayList<>(
                List.of(java(), "-jar", jar().toAbsolutePath().toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--data", data.toString()));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("tenantry " + String.join(" ", args) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path jar() {
        return Path.of(System.getProperty("tenantry.jar", "../server/target/tenantry.jar"));
    }

    private static TenantryProcess start() {
        Path jar = jar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "No server jar at " + jar.toAbsolutePath() + ": run ./mvnw -pl server package -DskipTests first");
        }
        if (canBind443()) {
            try {
                return launch(jar, 443);
            } catch (IllegalStateException e) {
                System.out.println("compat: could not start on port 443 (" + firstLine(e.getMessage())
                        + "), falling back to a free port");
            }
        }
        return launch(jar, 0);
    }

    private static boolean canBind443() {
        try (ServerSocket socket = new ServerSocket(443, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort() == 443;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static TenantryProcess launch(Path jar, int requestedPort) {
        Path data;
        Path stderr;
        Process process;
        try {
            data = Files.createTempDirectory("tenantry-compat-");
            // the README's first line: a local CA, so the server's certificate also names Microsoft's hosts (issue 12)
            command(data, "cert", "ca");
            stderr = data.getParent().resolve(data.getFileName() + "-server.log");
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(List.of(
                            java,
                            "-jar",
                            jar.toAbsolutePath().toString(),
                            "serve",
                            "--data",
                            data.toString(),
                            "--host",
                            "127.0.0.1",
                            "--port",
                            Integer.toString(requestedPort),
                            "--microsoft-hostnames"))
                    .redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the server", e);
        }
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> readStdout(process.getInputStream(), port), "tenantry-stdout");
        reader.setDaemon(true);
        reader.start();
        process.onExit()
                .thenRun(() -> port.completeExceptionally(
                        new IllegalStateException("the server exited with status " + process.exitValue())));
        try {
            return new TenantryProcess(process, data, port.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            destroy(process);
            throw new IllegalStateException(
                    "the server did not start on port " + requestedPort + " within " + START_TIMEOUT_SECONDS + " s: "
                            + e.getMessage() + "\n--- server stderr ---\n" + readQuietly(stderr),
                    e);
        } catch (InterruptedException e) {
            destroy(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the server", e);
        }
    }

    private static void readStdout(InputStream stdout, CompletableFuture<Integer> port) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                Matcher matcher = SERVING.matcher(line.strip());
                if (!port.isDone() && matcher.matches()) {
                    port.complete(matcher.group(1) == null ? 443 : Integer.parseInt(matcher.group(1)));
                }
            }
        } catch (IOException e) {
            port.completeExceptionally(e);
        }
    }

    private void stop() {
        destroy(process);
        deleteQuietly(data);
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover temporary directory is harmless
        }
    }

    private static void destroy(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
