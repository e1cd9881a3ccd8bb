package dev.tenantry.app;

import dev.tenantry.app.testmode.TestMode;
import dev.tenantry.directory.credentials.Argon2idPasswordHasher;
import dev.tenantry.directory.credentials.BoundedPasswordHasher;
import dev.tenantry.entra.ManagedIdentityEndpointRoutes;
import dev.tenantry.identity.HttpsIssuerKeys;
import dev.tenantry.identity.IssuerKeys;
import dev.tenantry.jobs.JobRunner;
import dev.tenantry.shared.CpuSlots;
import dev.tenantry.storage.DataDirectory;
import dev.tenantry.storage.Database;
import dev.tenantry.storage.MasterKey;
import dev.tenantry.tls.TlsMaterial;
import dev.tenantry.web.CpuSlotHandler;
import dev.tenantry.web.HttpsServer;
import dev.tenantry.web.LoopbackHttpServer;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running Tenantry server: database, services and the HTTPS listener. Closing it stops everything. */
public final class TenantryApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TenantryApp.class);

    private final Database database;
    private final Javalin http;
    private final TlsMaterial tls;
    private final Services services;
    private final BoundedPasswordHasher passwordHashing;
    private final JobRunner jobs;
    private final int port;
    private Operability operability;
    private RequestCount requests;
    private Runnable stopIdleHeapRelease;
    private TestMode testMode;
    private Javalin managedIdentityHttp;
    private RunningManagedIdentityEndpoint managedIdentityEndpoint;

    private TenantryApp(
            Database database,
            Javalin http,
            TlsMaterial tls,
            Services services,
            BoundedPasswordHasher passwordHashing,
            JobRunner jobs) {
        this.database = database;
        this.http = http;
        this.tls = tls;
        this.services = services;
        this.passwordHashing = passwordHashing;
        this.jobs = jobs;
        this.port = HttpsServer.boundPort(http);
    }

    /**
     * Opens (or creates) the data directory, makes it owner-only, and starts serving HTTPS. A master key that does not
     * decrypt the stored secrets is an {@link IllegalStateException} that says so.
     */
    public static TenantryApp start(TenantryConfig config) {
        return start(config, null);
    }

    /**
     * Starts in test mode (issue 14): {@code testMode}'s in-memory database, controllable clock and cheap password
     * hash, its seed loaded, and the test controls under {@code /_tenantry/}. The data directory holds only the TLS
     * material and the master key.
     */
    public static TenantryApp startInTestMode(TenantryConfig config, TestMode testMode) {
        return start(config, java.util.Objects.requireNonNull(testMode));
    }

    private static TenantryApp start(TenantryConfig config, TestMode testMode) {
        LOG.debug("starting with {}", config);
        long t0 = System.nanoTime();
        DataDirectory.secure(config.dataDir());
        MasterKey masterKey = MasterKey.load(config.masterKeyFile(), config.masterKey());
        TlsMaterial tls = TlsMaterial.loadOrCreate(
                config.certificateFile(),
                config.privateKeyFile(),
                config.caCertificateFile(),
                config.caPrivateKeyFile(),
                config.certificateNames());
        long t1 = System.nanoTime();
        Database database = Database.open(
                testMode == null ? config.effectiveJdbcUrl() : testMode.jdbcUrl(),
                config.jdbcUser(),
                config.jdbcPassword(),
                config.operations().dbPoolSize());
        long t2 = System.nanoTime();
        Clock clock = testMode == null ? Clock.systemUTC() : testMode.clock();
        CpuSlots slots = CpuSlots.forCores(!database.inProcess());
        BoundedPasswordHasher passwordHashing = BoundedPasswordHasher.forCores(
                testMode == null ? new Argon2idPasswordHasher() : testMode.passwordHasher(), slots);
        java.util.concurrent.atomic.AtomicInteger boundPort = new java.util.concurrent.atomic.AtomicInteger(-1);
        try {
            Services services = Services.wire(
                    Stores.sql(database.jdbi(), masterKey),
                    passwordHashing,
                    Services.Settings.of(config).withIssuerKeys(issuerKeys(config, tls, testMode != null, boundPort)),
                    clock);
            if (testMode != null) {
                testMode.attach(services, database, slots);
            }
            long t3 = System.nanoTime();
            Operability operability = new Operability(database, config.operations());
            RequestCount requests = new RequestCount();
            Javalin http = HttpsServer.create(config.host(), config.port(), tls, cfg -> {
                if (testMode != null) {
                    testMode.register(cfg);
                }
                Routes.register(cfg, config, services);
                operability.register(cfg);
                // graceful stop: refuse new requests, let those in flight finish for up to the drain time
                // the slot is given back when the handlers are done, before the answer is written
                cfg.routes.after(ctx -> slots.leave());
                cfg.jetty.modifyServer(server -> {
                    requests.setHandler(new CpuSlotHandler(slots, server.getHandler()));
                    server.setHandler(new GracefulHandler(requests));
                    server.setStopTimeout(Duration.ofSeconds(config.operations().drainSeconds())
                            .toMillis());
                });
            });
            http.start();
            boundPort.set(http.port());
            JobRunner jobs = BackgroundJobs.start(services, database, clock);
            long t4 = System.nanoTime();
            // where a start's time goes (issue 13); TENANTRY_START_LOG=DEBUG shows it
            LOG.debug(
                    "started in {} ms: keys and TLS {} ms, database and migrations {} ms, services {} ms, HTTPS {} ms",
                    millis(t4 - t0),
                    millis(t1 - t0),
                    millis(t2 - t1),
                    millis(t3 - t2),
                    millis(t4 - t3));
            TenantryApp app = new TenantryApp(database, http, tls, services, passwordHashing, jobs);
            app.operability = operability;
            app.requests = requests;
            app.testMode = testMode;
            if (config.managedIdentityEndpoint() != null) {
                app.startManagedIdentityEndpoint(config);
            }
            return app;
        } catch (RuntimeException e) {
            passwordHashing.close();
            database.close();
            throw e;
        }
    }

    /**
     * External issuers' keys for federated identity credentials (issue 11), over HTTPS trusting the JVM's authorities,
     * this server's certificate and its local CA, so that Tenantry itself can be the external issuer. Outside test mode
     * only public addresses and this server itself (one of its certificate's names, on its bound port) are fetched.
     */
    private static IssuerKeys issuerKeys(
            TenantryConfig config, TlsMaterial tls, boolean testMode, java.util.concurrent.atomic.AtomicInteger port) {
        List<X509Certificate> trusted = new ArrayList<>(tls.trustAnchors());
        if (Files.isRegularFile(config.caCertificateFile())) {
            trusted.add(TlsMaterial.readCertificate(config.caCertificateFile()));
        }
        java.util.Set<String> ownNames = config.certificateNames().stream()
                .map(name -> name.toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toSet());
        return HttpsIssuerKeys.trusting(
                trusted,
                testMode
                        ? HttpsIssuerKeys.Destinations.ANYWHERE
                        : HttpsIssuerKeys.Destinations.publicOr(
                                uri -> (uri.getPort() == -1 ? 443 : uri.getPort()) == port.get()
                                        && ownNames.contains(uri.getHost().toLowerCase(java.util.Locale.ROOT))));
    }

    /**
     * Starts the plain-HTTP managed identity endpoint on 127.0.0.1 (issue 11); its tokens name the server's HTTPS
     * origin as issuer. A configured header secret is used as is, else a new one is made for this run.
     */
    private void startManagedIdentityEndpoint(TenantryConfig config) {
        ManagedIdentityEndpoint settings = config.managedIdentityEndpoint();
        String header = settings.header() != null ? settings.header() : dev.tenantry.shared.Secrets.random(32);
        String origin = config.ownOrigin() != null ? config.ownOrigin() : "https://127.0.0.1:" + port;
        ManagedIdentityEndpointRoutes routes = new ManagedIdentityEndpointRoutes(
                services.managedIdentityTokens(), settings.resource(), header, () -> origin);
        managedIdentityHttp = LoopbackHttpServer.create(settings.port(), cfg -> routes.register(cfg.routes));
        managedIdentityHttp.start();
        managedIdentityEndpoint = new RunningManagedIdentityEndpoint(
                LoopbackHttpServer.boundPort(managedIdentityHttp), settings.resource(), header);
    }

    /**
     * Gives the Java heap back to the system when the server goes idle (see {@link IdleHeapRelease}); for
     * {@code tenantry serve}, which owns its JVM. Does nothing under a collector other than the serial one.
     */
    public void releaseHeapWhenIdle() {
        if (stopIdleHeapRelease == null) {
            stopIdleHeapRelease = IdleHeapRelease.startIfSerial(requests::count).orElse(null);
        }
    }

    /** Counts the requests the server receives (one add per request, without contention: a {@link LongAdder}). */
    private static final class RequestCount extends Handler.Wrapper {

        private final LongAdder count = new LongAdder();

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            count.increment();
            return super.handle(request, response, callback);
        }

        long count() {
            return count.sum();
        }
    }

    /** The managed identity endpoint, when configured (issue 11). */
    public java.util.Optional<RunningManagedIdentityEndpoint> managedIdentityEndpoint() {
        return java.util.Optional.ofNullable(managedIdentityEndpoint);
    }

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }

    /** The test mode the server runs in; empty for a production server. */
    public java.util.Optional<TestMode> testMode() {
        return java.util.Optional.ofNullable(testMode);
    }

    public int port() {
        return port;
    }

    public X509Certificate certificate() {
        return tls.certificate();
    }

    public Services services() {
        return services;
    }

    /** Where password checks queue, bounded so a flood of sign-ins sheds load instead of starving the server. */
    public BoundedPasswordHasher passwordHashing() {
        return passwordHashing;
    }

    /** The database, for tools and tests that inspect what the server stored. */
    public Database database() {
        return database;
    }

    @Override
    public void close() {
        if (managedIdentityHttp != null) {
            managedIdentityHttp.stop();
        }
        jobs.close();
        if (stopIdleHeapRelease != null) {
            stopIdleHeapRelease.run();
        }
        http.stop(); // waits up to the drain time for requests in flight (Jetty's graceful stop)
        passwordHashing.close();
        if (operability != null) {
            operability.close();
        }
        database.close();
    }
}
