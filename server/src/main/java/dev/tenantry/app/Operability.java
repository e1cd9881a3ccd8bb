package dev.tenantry.app;

import dev.tenantry.storage.Database;
import dev.tenantry.web.Failures;
import dev.tenantry.web.FormBody;
import dev.tenantry.web.RequestLogging;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What operators and orchestrators ask a node: {@code /health/live} (the process answers), {@code /health/ready} (the
 * database answers and its schema is migrated; 503 otherwise), and Prometheus's {@code /metrics} — requests by route
 * template and status with latency histograms, tokens issued by grant, failures by error code, the database pool and
 * the JVM. {@code /metrics} answers only a bearer equal to {@link Operations#metricsToken()} (404 when none is set), so
 * it can share the public HTTPS port without telling the world the server's traffic.
 */
final class Operability implements AutoCloseable {

    private static final Set<String> GRANTS = Set.of(
            "client_credentials",
            "password",
            "refresh_token",
            "authorization_code",
            "urn:ietf:params:oauth:grant-type:device_code",
            "urn:ietf:params:oauth:grant-type:jwt-bearer");
    private static final String TOKEN_ROUTE = "/{tenant}/oauth2/v2.0/token";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Database database;
    private final byte[] metricsToken;
    /**
     * Each request's timer and each grant's counter, found here rather than built and looked up in the registry per
     * request (which sorted the tags and hashed the id each time: 6 % of a token request's Java time). Route templates,
     * methods and statuses are few, so these stay small.
     */
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private final Map<String, Counter> tokens = new ConcurrentHashMap<>();

    private record TimerKey(String method, String route, int status) {}

    Operability(Database database, Operations operations) {
        this.database = database;
        this.metricsToken = operations.metricsToken() == null
                ? null
                : operations.metricsToken().strip().getBytes(StandardCharsets.UTF_8);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        database.bindMetrics(registry);
    }

    void register(JavalinConfig cfg) {
        cfg.routes.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
        cfg.routes.get("/health/ready", this::ready);
        cfg.routes.get("/metrics", this::metrics);
        cfg.requestLogger.http(this::record);
    }

    private void ready(Context ctx) {
        boolean up = database.ready();
        ctx.header("Cache-Control", "no-store");
        ctx.status(up ? 200 : 503)
                .json(Map.of("status", up ? "UP" : "DOWN", "checks", Map.of("database", up ? "UP" : "DOWN")));
    }

    private void metrics(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (metricsToken == null
                || authorization == null
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || !MessageDigest.isEqual(
                        metricsToken, authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
            ctx.status(404).json(Map.of("error", "not_found"));
            return;
        }
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }

    /** Counts one answered request: its route template and status, a token's grant, a failure's code. */
    private void record(Context ctx, Float millis) {
        String route = RequestLogging.route(ctx);
        if (route.equals("/metrics")) {
            return;
        }
        int status = ctx.status().getCode();
        timers.computeIfAbsent(new TimerKey(ctx.method().name(), route, status), this::timer)
                .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
        if (route.equals(TOKEN_ROUTE) && status == 200) {
            FormBody form = FormBody.ifRead(ctx);
            List<String> grant = form == null ? null : form.fields().get("grant_type");
            tokens.computeIfAbsent(
                            grant != null && GRANTS.contains(grant.get(0)) ? grant.get(0) : "other", this::tokenCounter)
                    .increment();
        }
        String failure = ctx.attribute(Failures.FAILURE_CODE);
        if (failure != null) {
            Counter.builder("tenantry.failures")
                    .description("Requests refused or failed, by error code")
                    .tag("code", failure.length() <= 64 ? failure : "other")
                    .tag("status", Integer.toString(status))
                    .register(registry)
                    .increment();
        }
    }

    private Timer timer(TimerKey key) {
        return Timer.builder("http.server.requests")
                .description("HTTPS requests by route template and status")
                .tags("method", key.method(), "route", key.route(), "status", Integer.toString(key.status()))
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    private Counter tokenCounter(String grant) {
        return Counter.builder("tenantry.tokens.issued")
                .description("Tokens issued by grant type")
                .tag("grant", grant)
                .register(registry);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
