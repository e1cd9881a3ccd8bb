package dev.tenantry.cli;

import dev.tenantry.app.LogFormat;
import dev.tenantry.app.ManagedIdentityEndpoint;
import dev.tenantry.app.TenantryApp;
import dev.tenantry.app.TenantryConfig;
import dev.tenantry.app.testmode.SeedException;
import dev.tenantry.app.testmode.SeedFile;
import dev.tenantry.app.testmode.TestMode;
import dev.tenantry.identity.CryptoProviders;
import dev.tenantry.tls.TlsMaterial;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tenantry serve}: starts the server and prints one line with its URL. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the server (HTTPS only).")
final class ServeCommand extends DataCommand {

    @Option(names = "--host", paramLabel = "HOST", description = "Address to bind. Default: 127.0.0.1")
    String host;

    @Option(names = "--port", paramLabel = "N", description = "HTTPS port; 0 picks a free one. Default: 8443")
    Integer port;

    @Option(names = "--public-url", paramLabel = "URL", description = "Base URL clients use, if not the request host")
    String publicUrl;

    @Option(
            names = "--hostname",
            paramLabel = "NAME",
            description =
                    "A further name (or address) clients reach the server on; repeatable. The certificate names it."
                            + " Default: $TENANTRY_HOSTNAMES (comma-separated)")
    List<String> hostnames;

    @Option(
            names = "--microsoft-hostnames",
            description = "Also answer as login.microsoftonline.com, graph.microsoft.com, management.azure.com and"
                    + " management.core.windows.net (with 'tenantry cert ca' and 'tenantry trust'). Default:"
                    + " $TENANTRY_MICROSOFT_HOSTNAMES")
    boolean microsoftHostnames;

    @Option(
            names = "--log-format",
            paramLabel = "FORMAT",
            description =
                    "text (readable lines) or json (one JSON object a line). Default: $TENANTRY_LOG_FORMAT or text")
    String logFormat;

    @Option(
            names = "--drain-seconds",
            paramLabel = "N",
            description = "On stop, how long requests in flight may finish. Default: $TENANTRY_DRAIN_SECONDS or 10")
    Integer drainSeconds;

    @Option(
            names = "--managed-identity-port",
            paramLabel = "N",
            description = "Serve a managed identity endpoint (App Service protocol and IMDS) over plain HTTP on"
                    + " 127.0.0.1:N; 0 picks a free port. Off by default; $TENANTRY_MANAGED_IDENTITY_PORT")
    Integer managedIdentityPort;

    @Option(
            names = "--managed-identity-resource",
            paramLabel = "ID",
            description = "The ARM id of the compute host whose identities the endpoint serves"
                    + " (/subscriptions/…/resourceGroups/…/providers/Tenantry.Compute/hosts/NAME);"
                    + " $TENANTRY_MANAGED_IDENTITY_RESOURCE")
    String managedIdentityResource;

    @Option(
            names = "--managed-identity-header",
            paramLabel = "SECRET",
            description = "The IDENTITY_HEADER secret (16 characters or more); made anew at each start if not set."
                    + " $TENANTRY_MANAGED_IDENTITY_HEADER")
    String managedIdentityHeader;

    @Option(
            names = "--test-mode",
            description =
                    "Run for a test suite (issue 14): an in-memory database, a controllable clock, a cheap password"
                            + " hash, and the test controls under /_tenantry/ (clock, forged tokens, faults, reset, snapshots,"
                            + " recorded requests). Never for production data: nothing is stored in the data directory's"
                            + " database.")
    boolean testMode;

    @Option(
            names = "--seed",
            paramLabel = "FILE",
            description =
                    "With --test-mode: load this seed file (YAML or JSON) at start; /_tenantry/reset returns to it")
    Path seed;

    @Override
    public Integer call() throws InterruptedException {
        TenantryConfig config;
        try {
            config = config();
            if (logFormat != null) {
                config = config.withOperations(config.operations().withLogFormat(logFormat));
            }
            if (drainSeconds != null) {
                config = config.withOperations(config.operations().withDrainSeconds(drainSeconds));
            }
            config = withManagedIdentityEndpoint(config);
        } catch (IllegalArgumentException e) {
            System.err.println("invalid_configuration: " + e.getMessage());
            return 2;
        }
        LogFormat.apply(config.operations().logFormat());
        if (hostnames != null) {
            config = config.withHostnames(hostnames);
        }
        if (microsoftHostnames) {
            config = config.withMicrosoftHostnames(true);
        }
        for (String name : config.hostnames()) {
            if (!TlsMaterial.isValidName(name)) {
                System.err.println("invalid_hostname: '" + name + "' is not a DNS name or an IP address");
                return 2;
            }
        }
        if (host != null) {
            config = config.withHost(host);
        }
        if (port != null) {
            config = config.withPort(port);
        }
        if (publicUrl != null) {
            config = config.withPublicUrl(publicUrl);
        }
        if (seed != null && !testMode) {
            System.err.println(
                    "--seed needs --test-mode: a seed file loads into a test-mode server's in-memory database");
            return 2;
        }
        // serve owns its JVM: every TLS handshake, AES-GCM record, digest and random number runs on ACCP's native
        // code, not only the token signatures (an embedded server leaves its host JVM's providers alone)
        boolean accpFirst = CryptoProviders.installFirst();
        TenantryApp app;
        try {
            app = testMode
                    ? TenantryApp.startInTestMode(
                            config, seed == null ? TestMode.empty() : TestMode.seeded(SeedFile.read(seed)))
                    : TenantryApp.start(config);
        } catch (SeedException e) {
            System.err.println("Tenantry cannot start: " + e.getMessage());
            return 2;
        } catch (IllegalStateException | UncheckedIOException e) {
            // a refusal to start (wrong master key, unreadable data directory): the reason, not a stack trace
            System.err.println("Tenantry cannot start: " + e.getMessage());
            return 1;
        }
        app.releaseHeapWhenIdle();
        if (accpFirst) {
            org.slf4j.LoggerFactory.getLogger(ServeCommand.class)
                    .info("TLS, ciphers, digests and random numbers run on the AmazonCorrettoCryptoProvider first");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }));
        System.out.println("Tenantry is serving " + url(config.host(), app.port()) + " (data: "
                + config.dataDir().toAbsolutePath().normalize() + ")" + (testMode ? " in test mode" : ""));
        if (config.microsoftHostnames() && !Files.exists(config.caCertificateFile())) {
            System.err.println("--microsoft-hostnames without a local CA: clients would have to trust a self-signed"
                    + " certificate for Microsoft's names; run 'tenantry cert ca', start again, then 'tenantry trust'");
        }
        app.managedIdentityEndpoint().ifPresent(endpoint -> {
            System.out.println("Managed identity endpoint for " + endpoint.resource() + " on " + endpoint.origin());
            System.out.println("  App Service protocol: " + shellVariables(endpoint.appServiceEnvironment()));
            System.out.println("  IMDS protocol:        " + shellVariables(endpoint.imdsEnvironment()));
        });
        System.out.flush();
        stopped.await();
        return 0;
    }

    /** The managed identity flags over the configuration; a port turns the endpoint on. */
    private TenantryConfig withManagedIdentityEndpoint(TenantryConfig config) {
        ManagedIdentityEndpoint base = config.managedIdentityEndpoint();
        if (managedIdentityPort == null && base == null) {
            if (managedIdentityResource != null || managedIdentityHeader != null) {
                throw new IllegalArgumentException(
                        "--managed-identity-resource and --managed-identity-header need --managed-identity-port");
            }
            return config;
        }
        return config.withManagedIdentityEndpoint(new ManagedIdentityEndpoint(
                managedIdentityPort != null ? managedIdentityPort : base.port(),
                managedIdentityResource != null ? managedIdentityResource : base == null ? null : base.resource(),
                managedIdentityHeader != null ? managedIdentityHeader : base == null ? null : base.header()));
    }

    private static String shellVariables(Map<String, String> env) {
        StringBuilder text = new StringBuilder();
        env.forEach((name, value) ->
                text.append(text.isEmpty() ? "" : " ").append(name).append('=').append(value));
        return text.toString();
    }

    private static String url(String host, int port) {
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        if (shown.contains(":")) {
            shown = "[" + shown + "]";
        }
        return "https://" + shown + (port == 443 ? "" : ":" + port) + "/";
    }
}
