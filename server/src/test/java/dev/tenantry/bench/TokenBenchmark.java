package dev.tenantry.bench;

// Run: bin/bench-tokens [seconds]   (builds, then runs this main on the test classpath; not part of the test suite)

import dev.tenantry.app.TenantryApp;
import dev.tenantry.app.TenantryConfig;
import dev.tenantry.directory.Application;
import dev.tenantry.directory.ApplicationService;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.CreatedSecret;
import dev.tenantry.directory.GraphPermission;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.ServicePrincipal;
import dev.tenantry.identity.CryptoProviders;
import dev.tenantry.identity.TokenRequest;
import dev.tenantry.identity.TokenService;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
        double issuance = issuanceRate(seconds);

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
                issuance);
        System.out.printf(Locale.ROOT, "ratio ACCP / JDK signing:            %.2f%n", corretto / jdk);
        System.out.printf(
                Locale.ROOT,
                "ratio token issuance / raw signing:  %.2f%n",
                issuance / (accp.isPresent() ? corretto : jdk));
    }

    private static Supplier<Object> signer(Provider provider, KeyPair keys, byte[] payload) {
        return () -> {
            try {
                Signature signature = Signature.getInstance("SHA256withRSA", provider);
                signature.initSign(keys.getPrivate());
                signature.update(payload);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static double issuanceRate(double seconds) throws Exception {
        Path data = Files.createTempDirectory("tenantry-bench");
        try (TenantryApp app =
                TenantryApp.start(TenantryConfig.defaults().withPort(0).withDataDir(data))) {
            CreatedDirectory contoso = app.services()
                    .directory()
                    .createDirectory("Contoso", "US", "contoso", NewUser.of("Bench Admin", "admin", "Passw0rd!x"));
            TenantId tid = contoso.tenant().id();
            Caller admin = new Caller.User(tid, contoso.admin().id(), Set.of());
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
                    registered.appId().toString(),
                    secret.secretText(),
                    "https://graph.microsoft.com/.default",
                    null,
                    null,
                    null,
                    false);
            return rate(seconds, () -> tokens.token(request, "https://localhost"));
        }
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
