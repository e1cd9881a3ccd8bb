package dev.tenantry.bench;

import dev.tenantry.testing.Tls;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * Keycloak beside Tenantry for issue 13's ratios: the distribution {@code bin/bench --keycloak} unpacked (from Maven
 * Central's {@code org.keycloak:keycloak-quarkus-dist}), started in production mode over HTTPS with a self-signed
 * certificate made here, on its embedded dev-file database and local caches (one node, as Tenantry's embedded H2), on
 * 127.0.0.1 only. One realm with a confidential client (service accounts and direct grants on) and one user, made
 * through the admin REST API. Stopped by {@link #close()} and by a shutdown hook (Ctrl-C).
 */
final class Keycloak implements AutoCloseable {

    static final String REALM = "bench";
    static final String CLIENT = "bench";
    static final String USER = "alice";
    private static final String ADMIN = "admin";
    private static final String BUILT_MARKER = ".tenantry-bench-built";

    private final Path home;
    private final Path work;
    private final String storePassword;
    private final String adminPassword;
    private final String clientSecret;
    private final String userPassword;
    private final SSLContext tls;
    private final Thread hook;
    private Process process;
    private String base = "";

    private Keycloak(Path home, Path work, String password) throws IOException, GeneralSecurityException {
        this.home = home;
        this.work = work;
        this.storePassword = password;
        this.adminPassword = password + "-admin";
        this.clientSecret = password + "-client";
        this.userPassword = password + "-User1!";
        Path store = work.resolve("keycloak-tls.p12");
        run(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "keycloak",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "30",
                "-dname",
                "CN=localhost",
                "-ext",
                "san=dns:localhost,ip:127.0.0.1",
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                password,
                "-keypass",
                password));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password.toCharArray());
        }
        this.tls = Tls.trusting((X509Certificate) keys.getCertificate("keycloak"));
        this.hook = new Thread(this::destroy, "keycloak-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Prepares {@code home} (the unpacked distribution): builds it once for the dev-file database and local caches,
     * and empties its data directory so every run starts from nothing.
     */
    static Keycloak prepare(Path home, Path work) throws IOException, GeneralSecurityException, InterruptedException {
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(
                    "no Keycloak distribution at " + home + " (bin/bench --keycloak unpacks it)");
        }
        if (!Files.exists(home.resolve(BUILT_MARKER))) {
            long before = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(
                            home.resolve("bin/kc.sh").toString(), "build", "--db=dev-file", "--cache=local")
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("keycloak-build.log").toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process build = builder.start();
            build.getOutputStream().close();
            if (build.waitFor() != 0) {
                throw new IllegalStateException("kc.sh build failed, see " + work.resolve("keycloak-build.log"));
            }
            Files.writeString(home.resolve(BUILT_MARKER), "built by bin/bench\n");
            System.out.printf("built Keycloak (kc.sh build, once per unpacked copy) in %.1f s%n", seconds(before));
        }
        deleteTree(home.resolve("data"));
        return new Keycloak(home, work, "bench" + Long.toHexString(System.nanoTime()));
    }

    /** Starts Keycloak (the first start also creates the temporary admin) and returns milliseconds to ready. */
    double start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        base = "https://localhost:" + port;
        ProcessBuilder builder = new ProcessBuilder(
                        home.resolve("bin/kc.sh").toString(),
                        "start",
                        "--optimized",
                        "--http-enabled=false",
                        "--http-host=127.0.0.1",
                        "--https-port=" + port,
                        "--https-key-store-file=" + work.resolve("keycloak-tls.p12"),
                        "--https-key-store-password=" + storePassword,
                        "--hostname-strict=false")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        work.resolve("keycloak.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        long before = System.nanoTime();
        process = builder.start();
        process.getOutputStream().close();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(base + "/realms/master/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .build();
        try (HttpClient http = client()) {
            long deadline = before + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "Keycloak exited with " + process.exitValue() + ", see " + work.resolve("keycloak.log"));
                }
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return (System.nanoTime() - before) / 1e6;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("Keycloak was not ready within 5 minutes, see " + work.resolve("keycloak.log"));
    }

    /** The realm with a confidential client (service account, direct grants) and a user, through the admin API. */
    void createRealm() {
        String admin = Bench.match(
                Bench.ACCESS_TOKEN,
                send(form(
                        "/realms/master/protocol/openid-connect/token",
                        "grant_type=password&client_id=admin-cli&username=" + ADMIN + "&password="
                                + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8))));
        String realm = """
                {"realm":"%s","enabled":true,
                 "clients":[{"clientId":"%s","enabled":true,"publicClient":false,"secret":"%s",
                   "serviceAccountsEnabled":true,"directAccessGrantsEnabled":true,"standardFlowEnabled":false}],
                 "users":[{"username":"%s","enabled":true,"firstName":"Alice","lastName":"Bench",
                   "email":"alice@example.test","emailVerified":true,
                   "credentials":[{"type":"password","value":"%s","temporary":false}]}]}
                """.formatted(REALM, CLIENT, clientSecret, USER, userPassword);
        send(HttpRequest.newBuilder(URI.create(base + "/admin/realms"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(realm))
                .build());
    }

    SSLContext tls() {
        return tls;
    }

    /** Keycloak's JVM: kc.sh runs it as a child (to forward signals), so its CPU and memory are the child's. */
    ProcessHandle handle() {
        return process.descendants()
                .filter(child -> child.info().command().orElse("").endsWith("/java"))
                .findFirst()
                .orElse(process.toHandle());
    }

    long rssKib() throws IOException {
        return Bench.rssKib(handle().pid());
    }

    /** A client-credentials token request of the realm's confidential client. */
    HttpRequest clientCredentials() {
        return form(
                tokenPath(), "grant_type=client_credentials&client_id=" + CLIENT + "&client_secret=" + clientSecret);
    }

    /**
     * A session that signs the user in once (password grant) and then refreshes, each time with the refresh token it
     * last received; the realm does not revoke refresh tokens (Keycloak's default), as in the figures.
     */
    Load.Session refreshing() {
        String first = send(form(
                tokenPath(),
                "grant_type=password&client_id=" + CLIENT + "&client_secret=" + clientSecret + "&username=" + USER
                        + "&password=" + URLEncoder.encode(userPassword, StandardCharsets.UTF_8)));
        String[] refreshToken = {Bench.match(Bench.REFRESH_TOKEN, first)};
        return new Load.Session() {
            @Override
            public HttpRequest next() {
                return form(
                        tokenPath(),
                        "grant_type=refresh_token&client_id=" + CLIENT + "&client_secret=" + clientSecret
                                + "&refresh_token=" + refreshToken[0]);
            }

            @Override
            public void answered(Load.Answer answer) {
                refreshToken[0] = Bench.match(Bench.REFRESH_TOKEN, answer.text());
            }
        };
    }

    /** Stops the server (waits for it), so it can be started again on the same data. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    private void destroy() {
        Process running = process;
        if (running != null) {
            running.descendants().forEach(ProcessHandle::destroy);
            running.destroy();
        }
    }

    private static String tokenPath() {
        return "/realms/" + REALM + "/protocol/openid-connect/token";
    }

    private HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private HttpClient client() {
        return HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private String send(HttpRequest request) {
        return Bench.body(tls, request);
    }

    private static void run(List<String> command) throws IOException {
        try {
            Process keytool = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException(command.getFirst() + " failed with " + keytool.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Deletes {@code dir} and everything under it, when it exists. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.forEach(paths::add);
        }
        paths.sort(Comparator.reverseOrder());
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}
