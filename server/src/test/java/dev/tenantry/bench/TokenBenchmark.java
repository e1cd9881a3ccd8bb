package dev.tenantry.bench;

// Run: bin/bench-tokens [seconds]   (builds, then runs this main on the test classpath; not part of the test suite)

import dev.tenantry.app.TenantryApp;
import dev.tenantry.app.TenantryConfig;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.GraphPermission;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.directory.apps.CreatedSecret;
import dev.tenantry.directory.apps.ServicePrincipal;
import dev.tenantry.identity.CryptoProviders;
import dev.tenantry.identity.TokenRequest;
import dev.tenantry.identity.TokenService;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import dev.tenantry.testing.Tls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/** Measures RS256 signing on the JDK and ACCP providers and token issuance through the token service, in one run. */
public final class TokenBenchmark {

    @SuppressWarnings("unused") // keeps the JIT from dropping the measured work
    private static volatile Object sink;

    private TokenBenchmark() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        byte[] payload = "x".repeat(900).getBytes(StandardCharsets.UTF_8); // about the size of a token's signing input

        double jdk = rate(seconds, signer(CryptoProviders.jdk(), keys, payload));
        Optional<Provider> accp = CryptoProviders.corretto();
        double corretto = accp.isPresent() ? rate(seconds, signer(accp.get(), keys, payload)) : Double.NaN;
        int threads = Runtime.getRuntime().availableProcessors();
        double signingParallel =
                parallelRate(seconds, threads, signer(accp.orElse(CryptoProviders.jdk()), keys, payload));
        Issuance issuance = issuanceRates(seconds, threads * 2);

        System.out.printf(
                Locale.ROOT,
                "RS256 signatures/s, JDK (%s): %,.0f%n",
                CryptoProviders.jdk().getName(),
                jdk);
        System.out.printf(
                Locale.ROOT, "RS256 signatures/s, ACCP:       %s%n", accp.isPresent() ? fmt(corretto) : "not loaded");
        System.out.printf(
                Locale.ROOT,
                "client_credentials tokens/s (token service, %s): %,.0f%n",
                CryptoProviders.preferred().getName(),
                issuance.inProcess());
        System.out.printf(Locale.ROOT, "client_credentials tokens/s over HTTPS, 1 client:  %,.0f%n", issuance.https());
        System.out.printf(Locale.ROOT, "RS256 signatures/s on %d threads:  %,.0f%n", threads, signingParallel);
        System.out.printf(
                Locale.ROOT,
                "client_credentials tokens/s over HTTPS, %d clients: %,.0f%n",
                threads * 2,
                issuance.httpsParallel());
        double raw = accp.isPresent() ? corretto : jdk;
        System.out.printf(Locale.ROOT, "ratio ACCP / JDK signing:                       %.2f%n", corretto / jdk);
        System.out.printf(
                Locale.ROOT, "ratio token issuance / raw signing:             %.2f%n", issuance.inProcess() / raw);
        System.out.printf(
                Locale.ROOT, "ratio HTTPS tokens (1 client) / raw signing:    %.2f%n", issuance.https() / raw);
        System.out.printf(
                Locale.ROOT,
                "ratio HTTPS tokens (%d clients) / raw signing (%d threads): %.2f%n",
                threads * 2,
                threads,
                issuance.httpsParallel() / signingParallel);
    }

    /** Token issuance rates measured against one running server. */
    private record Issuance(double inProcess, double https, double httpsParallel) {}

    /** Signs on {@code provider} with the key in that provider's own form, as the server's signer does. */
    private static Supplier<Object> signer(Provider provider, KeyPair keys, byte[] payload) {
        java.security.PrivateKey own;
        try {
            own = (java.security.PrivateKey)
                    java.security.KeyFactory.getInstance("RSA", provider).translateKey(keys.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return () -> {
            try {
                Signature signature = Signature.getInstance("SHA256withRSA", provider);
                signature.initSign(own);
                signature.update(payload);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static Issuance issuanceRates(double seconds, int clients) throws Exception {
        Path data = Files.createTempDirectory("tenantry-bench");
        try (TenantryApp app =
                TenantryApp.start(TenantryConfig.defaults().withPort(0).withDataDir(data))) {
            CreatedDirectory contoso = app.services()
                    .tenants()
                    .createDirectory("Contoso", "US", "contoso", NewUser.of("Bench Admin", "admin", "Passw0rd!x"));
            TenantId tid = contoso.tenant().id();
            Caller admin = new Caller.User(tid, contoso.admin().id());
            ApplicationService applications = app.services().applications();
            Application registered = applications.createApplication(admin, tid, "bench");
            CreatedSecret secret = applications.addPassword(admin, tid, registered.id(), "bench", null);
            ServicePrincipal sp = applications.createServicePrincipal(admin, tid, registered.appId());
            ServicePrincipal graph = applications
                    .findServicePrincipalByAppId(tid, ApplicationService.MICROSOFT_GRAPH_APP_ID)
                    .orElseThrow();
            applications.grantAppRole(admin, tid, sp.id(), graph.id(), GraphPermission.USER_READ_ALL.id());
            TokenService tokens = app.services().tokens();
            TokenRequest request = new TokenRequest(
                    tid.toString(),
                    "client_credentials",
                    new TokenRequest.Client(registered.appId().toString(), secret.secretText()),
                    "https://graph.microsoft.com/.default",
                    false,
                    TokenRequest.Parameters.NONE);
            double inProcess = rate(seconds, () -> tokens.token(request, "https://localhost"));
            HttpClient http = HttpClient.newBuilder()
                    .sslContext(Tls.trusting(app.certificate()))
                    .build();
            HttpRequest post = HttpRequest.newBuilder(
                            URI.create("https://localhost:" + app.port() + "/" + tid + "/oauth2/v2.0/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                            + registered.appId() + "&client_secret="
                            + URLEncoder.encode(secret.secretText(), StandardCharsets.UTF_8)
                            + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"))
                    .build();
            Supplier<Object> call = () -> {
                try {
                    HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("token endpoint answered " + response.statusCode());
                    }
                    return response;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            };
            return new Issuance(inProcess, rate(seconds, call), parallelRate(seconds, clients, call));
        }
    }

    /** Operations per second of {@code work} on {@code threads} threads together, after a warm-up. */
    private static double parallelRate(double seconds, int threads, Supplier<Object> work) throws InterruptedException {
        LongAdder done = new LongAdder();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    sink = work.get();
                    done.increment();
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return done.sum() / ((System.nanoTime() - start) / 1e9);
    }

    /** Operations per second of {@code work} on one thread, after a warm-up of a third of the time. */
    private static double rate(double seconds, Supplier<Object> work) {
        long warmUpEnd = System.nanoTime() + (long) (seconds / 3 * 1e9);
        while (System.nanoTime() < warmUpEnd) {
            sink = work.get();
        }
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long count = 0;
        while (System.nanoTime() < end) {
            sink = work.get();
            count++;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
