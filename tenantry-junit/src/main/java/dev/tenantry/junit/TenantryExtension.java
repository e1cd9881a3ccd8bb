package dev.tenantry.junit;

import dev.tenantry.app.TenantryApp;
import dev.tenantry.app.TenantryConfig;
import dev.tenantry.app.testmode.ControllableClock;
import dev.tenantry.app.testmode.Faults;
import dev.tenantry.app.testmode.RequestLog;
import dev.tenantry.app.testmode.SeedFile;
import dev.tenantry.app.testmode.Seeded;
import dev.tenantry.app.testmode.TestMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Tenantry in a JUnit 5 test class (issue 14): starts the server in this JVM, in test mode, on a free port, with an
 * in-memory database loaded from a seed file; makes the JVM trust it; resolves Microsoft SDK clients signed in as a
 * seeded user or app as test parameters; and resets to the seed before each test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static TenantryExtension tenantry = TenantryExtension.builder().seed("tenantry-seed.yaml").build();
 *
 * @Test void listsUsers(@AsUser("jane") GraphServiceClient graph) { ... }
 * }</pre>
 */
public final class TenantryExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    /**
     * One data directory per JVM: its TLS certificate is made once, so the trust installed stays valid. It is deleted
     * when the JVM exits, so test runs leave no keys behind in the temporary directory.
     */
    private static final Supplier<Path> DATA_DIR = new Supplier<>() {
        private Path dir;

        @Override
        public synchronized Path get() {
            if (dir == null) {
                try {
                    dir = Files.createTempDirectory("tenantry-junit");
                    Path created = dir;
                    Runtime.getRuntime()
                            .addShutdownHook(new Thread(() -> deleteTree(created), "tenantry-junit-cleanup"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return dir;
        }
    };

    private final String seedResource;
    private final Path seedPath;
    private final String seedText;
    private final ResetMode resetMode;
    private final int port;
    private final Port443 port443;
    private TenantryApp app;
    private SSLContext sslContext;

    private TenantryExtension(Builder builder) {
        this.seedResource = builder.seedResource;
        this.seedPath = builder.seedPath;
        this.seedText = builder.seedText;
        this.resetMode = builder.resetMode;
        this.port = builder.port;
        this.port443 = builder.port443;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How to set up the extension: the seed, the reset mode and the port. */
    public static final class Builder {
        private String seedResource;
        private Path seedPath;
        private String seedText;
        private ResetMode resetMode = ResetMode.SEED_BEFORE_EACH_TEST;
        private int port;
        private Port443 port443 = Port443.WHEN_POSSIBLE;

        /** A seed file on the test class path ({@code tenantry-seed.yaml}), or a file path if no such resource. */
        public Builder seed(String resourceOrPath) {
            this.seedResource = resourceOrPath;
            return this;
        }

        public Builder seed(Path file) {
            this.seedPath = file;
            return this;
        }

        /** A seed given inline; {@code format} is {@code yaml} or {@code json}. */
        public Builder seedText(String format, String text) {
            this.seedResource = "inline." + format;
            this.seedText = text;
            return this;
        }

        public Builder reset(ResetMode mode) {
            this.resetMode = Objects.requireNonNull(mode);
            return this;
        }

        /**
         * A fixed HTTPS port. Without one (0, the default) the extension takes 443 when it may (see
         * {@link #port443}), else a free port.
         */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /**
         * Whether to serve on 443 when no fixed {@link #port} is set: {@link Port443#WHEN_POSSIBLE} (the default),
         * {@link Port443#REQUIRED} or {@link Port443#FORBIDDEN}. Port-less URLs are what MSAL's token cache needs to
         * serve silent calls (compat P1).
         */
        public Builder port443(Port443 policy) {
            this.port443 = Objects.requireNonNull(policy);
            return this;
        }

        public TenantryExtension build() {
            return new TenantryExtension(this);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        switch (resetMode) {
            case SEED_BEFORE_EACH_TEST -> reset();
            case FRESH_SERVER_PER_TEST -> {
                stop();
                start();
            }
            case SHARED_BY_CLASS -> {}
        }
    }

    /** Starts the server (the extension calls it before the class's tests); for use without JUnit too. */
    public synchronized TenantryExtension start() {
        if (app != null) {
            return this;
        }
        TestMode testMode = seedFile() == null ? TestMode.empty() : TestMode.seeded(seedFile());
        // bound as localhost, the name clients use (baseUrl), so the server's own origin is that URL: Graph's resource
        // id, which the ARM SDK's environment points at this server too (compat §4)
        TenantryConfig config =
                TenantryConfig.defaults().withDataDir(DATA_DIR.get()).withHost("localhost");
        app = port != 0
                ? TenantryApp.startInTestMode(config.withPort(port), testMode)
                : startChoosingPort(config, testMode);
        sslContext = JvmTrust.install(app.certificate());
        return this;
    }

    /** On 443 when the policy and the process allow it, else on a free port. */
    private TenantryApp startChoosingPort(TenantryConfig config, TestMode testMode) {
        if (port443 == Port443.FORBIDDEN) {
            return startOnFreePort(config, testMode);
        }
        String why = Port443Probe.whyNot(config.host());
        if (why == null) {
            try {
                return TenantryApp.startInTestMode(config.withPort(443), testMode);
            } catch (RuntimeException e) {
                if (!Port443Probe.isBindFailure(e)) {
                    throw e;
                }
                why = "it was taken while the server started (" + e.getMessage() + ")";
            }
        }
        if (port443 == Port443.REQUIRED) {
            throw new IllegalStateException("Port 443 is required (port443(Port443.REQUIRED)) but cannot be used: "
                    + why + ". Run the tests as root, or let Java bind low ports (sudo setcap"
                    + " cap_net_bind_service=+ep $JAVA_HOME/bin/java), or stop what holds 443.");
        }
        return startOnFreePort(config, testMode);
    }

    /**
     * On a free port picked before the start rather than by the server, so that its origin, port included, is known
     * when it starts (a server on port 0 has none, and then refuses tokens for {@code https://localhost:PORT/}). A port
     * taken in between is picked again.
     */
    private static TenantryApp startOnFreePort(TenantryConfig config, TestMode testMode) {
        for (int attempt = 1; ; attempt++) {
            try {
                return TenantryApp.startInTestMode(config.withPort(Port443Probe.freePort(config.host())), testMode);
            } catch (RuntimeException e) {
                if (attempt == 3 || !Port443Probe.isBindFailure(e)) {
                    throw e;
                }
            }
        }
    }

    public synchronized void stop() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    private SeedFile seedFile() {
        if (seedText != null) {
            return SeedFile.parse(seedResource, seedText);
        }
        if (seedPath != null) {
            return SeedFile.read(seedPath);
        }
        if (seedResource == null) {
            return null;
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(seedResource)) {
            if (in != null) {
                return SeedFile.parse(seedResource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = Path.of(seedResource);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(
                    "no seed file '" + seedResource + "' on the test class path (src/test/resources) nor as a file");
        }
        return SeedFile.read(file);
    }

    private TenantryApp app() {
        if (app == null) {
            throw new IllegalStateException(
                    "Tenantry is not running: register the extension with @RegisterExtension on a static field");
        }
        return app;
    }

    private TestMode testMode() {
        return app().testMode().orElseThrow();
    }

    // ---- what the test reads ----

    /** {@code https://localhost:PORT} (no trailing slash). */
    public String baseUrl() {
        int bound = app().port();
        return "https://localhost" + (bound == 443 ? "" : ":" + bound);
    }

    /** The authority of a seeded directory, as MSAL takes it: {@code https://localhost:PORT/{tenantId}/}. */
    public String authority(String tenant) {
        return baseUrl() + "/" + tenant(tenant).tenantId() + "/";
    }

    /**
     * Every directory of the server as a seed file (YAML) with every id fixed, as {@code tenantry seed export} writes
     * it: feed it to {@code seed(...)} to start another test from what this one built. Client secrets are not in it.
     */
    public String exportSeed() {
        return testMode().export(testMode().tenantIds());
    }

    /** A seeded directory by its seed name. */
    public Seeded.SeededTenant tenant(String name) {
        return testMode()
                .seeded()
                .tenant(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no tenant named '" + name + "' in the seed; seeded: " + tenantNames()));
    }

    /** The first seeded directory. */
    public Seeded.SeededTenant tenant() {
        List<Seeded.SeededTenant> all = testMode().seeded().tenants();
        if (all.isEmpty()) {
            throw new IllegalStateException("the seed has no tenants");
        }
        return all.get(0);
    }

    public String tenantId(String name) {
        return tenant(name).tenantId();
    }

    /** A seeded user of the first directory: object id, user principal name and password. */
    public Seeded.SeededUser user(String userName) {
        return user(tenant(), userName);
    }

    /** A seeded app of the first directory: client id, object ids and client secret. */
    public Seeded.SeededApp app(String name) {
        return app(tenant(), name);
    }

    /** The SSL context that trusts the server (the JVM default already does). */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** The running server, for a test that needs its services directly. */
    public TenantryApp server() {
        return app();
    }

    // ---- test controls (also under /_tenantry/ over HTTPS) ----

    public ControllableClock clock() {
        return testMode().clock();
    }

    public Faults faults() {
        return testMode().faults();
    }

    /** Throttles the next {@code times} calls whose path matches {@code pattern} with 429 and Retry-After. */
    public Faults.Fault throttle(String pattern, int times, int retryAfterSeconds) {
        return faults().add(pattern, null, 429, null, null, 0, retryAfterSeconds, times, null);
    }

    /** The last {@code last} requests a client id sent. */
    public List<RequestLog.Recorded> requests(String clientId, int last) {
        return testMode().requests().last(clientId, last);
    }

    /**
     * A token with {@code claims} over defaults, signed with the server's key; {@code flavour} is {@code valid},
     * {@code wrong-key}, {@code expired}, {@code wrong-audience}, {@code wrong-issuer} or {@code no-scp}.
     */
    public String forgeToken(String tenant, Map<String, Object> claims, String flavour) {
        return testMode().forge(baseUrl(), tenant(tenant).tenantId(), claims, flavour);
    }

    /** Back to the seed (database, clock, faults, recorded requests). */
    public void reset() {
        testMode().reset();
    }

    public void snapshot(String name) {
        testMode().snapshots().take(name);
    }

    public void restore(String name) {
        testMode().snapshots().restore(name);
    }

    // ---- parameters ----

    private static final List<String> RESOLVABLE = List.of(
            "com.azure.core.credential.TokenCredential",
            "com.microsoft.aad.msal4j.PublicClientApplication",
            "com.microsoft.aad.msal4j.ConfidentialClientApplication",
            "com.microsoft.graph.serviceclient.GraphServiceClient",
            "com.azure.resourcemanager.resources.ResourceManager",
            "com.azure.resourcemanager.authorization.AuthorizationManager",
            "com.azure.resourcemanager.AzureResourceManager");

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == TenantryExtension.class || RESOLVABLE.contains(type.getName());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        Class<?> type = parameter.getType();
        if (type == TenantryExtension.class) {
            return this;
        }
        Principal principal = principalOf(parameter);
        return switch (type.getName()) {
            case "com.azure.core.credential.TokenCredential" -> IdentityClients.credential(principal);
            case "com.microsoft.aad.msal4j.PublicClientApplication" -> MsalClients.publicClient(principal);
            case "com.microsoft.aad.msal4j.ConfidentialClientApplication" -> MsalClients.confidentialClient(principal);
            case "com.microsoft.graph.serviceclient.GraphServiceClient" -> GraphClients.graph(principal);
            case "com.azure.resourcemanager.resources.ResourceManager" -> ArmClients.resourceManager(principal);
            case "com.azure.resourcemanager.authorization.AuthorizationManager" ->
                ArmClients.authorizationManager(principal);
            case "com.azure.resourcemanager.AzureResourceManager" -> AzureClients.azure(principal);
            default -> throw new ParameterResolutionException("cannot resolve " + type.getName());
        };
    }

    private Principal principalOf(Parameter parameter) {
        AsUser asUser = parameter.getAnnotation(AsUser.class);
        AsApp asApp = parameter.getAnnotation(AsApp.class);
        if (asUser != null && asApp != null) {
            throw new ParameterResolutionException("a parameter is @AsUser or @AsApp, not both");
        }
        String tenantName = asUser != null ? asUser.tenant() : asApp != null ? asApp.tenant() : "";
        Seeded.SeededTenant tenant = tenantName.isEmpty() ? tenant() : tenant(tenantName);
        String subscriptionName = asUser != null ? asUser.subscription() : asApp != null ? asApp.subscription() : "";
        String subscription = subscriptionName.isEmpty()
                ? tenant.cloudSubscriptions().values().stream().findFirst().orElse(null)
                : tenant.cloudSubscriptions().get(subscriptionName);
        if (asApp != null) {
            Seeded.SeededApp seededApp = app(tenant, asApp.value());
            if (seededApp.secret() == null) {
                throw new ParameterResolutionException(
                        "app '" + asApp.value() + "' has no client secret in the seed (secret: false)");
            }
            return new Principal(
                    baseUrl(),
                    tenant.tenantId(),
                    null,
                    null,
                    seededApp.appId().toString(),
                    seededApp.secret(),
                    subscription);
        }
        String userName = asUser != null ? asUser.value() : "admin";
        Seeded.SeededUser user = user(tenant, userName);
        return new Principal(
                baseUrl(), tenant.tenantId(), user.userPrincipalName(), user.password(), null, null, subscription);
    }

    private static Seeded.SeededUser user(Seeded.SeededTenant tenant, String userName) {
        Seeded.SeededUser user = tenant.users().get(userName);
        if (user == null) {
            throw new ParameterResolutionException("no user '" + userName + "' in tenant '" + tenant.name()
                    + "' of the seed; seeded: " + tenant.users().keySet());
        }
        return user;
    }

    private static Seeded.SeededApp app(Seeded.SeededTenant tenant, String name) {
        Seeded.SeededApp seededApp = tenant.apps().get(name);
        if (seededApp == null) {
            throw new ParameterResolutionException("no app '" + name + "' in tenant '" + tenant.name()
                    + "' of the seed; seeded: " + tenant.apps().keySet());
        }
        return seededApp;
    }

    private List<String> tenantNames() {
        return testMode().seeded().tenants().stream()
                .map(Seeded.SeededTenant::name)
                .toList();
    }

    private static void deleteTree(Path root) {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // the JVM is exiting: what cannot be deleted stays in the temporary directory
        }
    }
}
