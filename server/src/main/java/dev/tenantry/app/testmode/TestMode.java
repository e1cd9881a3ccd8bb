package dev.tenantry.app.testmode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.app.Services;
import dev.tenantry.directory.PasswordHasher;
import dev.tenantry.directory.credentials.TestModePasswordHasher;
import dev.tenantry.shared.CpuSlots;
import dev.tenantry.shared.TenantId;
import dev.tenantry.storage.Database;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A server in test mode (issue 14: {@code tenantry serve --test-mode}, or embedded by the JUnit extension): an
 * in-memory database, a controllable clock, the cheap password hash, and the test controls under {@code /_tenantry/}
 * (clock, forged tokens, faults, reset, snapshots, recorded requests). None of it exists outside test mode: without a
 * {@code TestMode} the routes are not registered, so they answer 404.
 */
public final class TestMode {

    public static final String PREFIX = "/_tenantry";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECORDED = "tenantry.testmode.recorded";

    private final ControllableClock clock = ControllableClock.systemUtc();
    private final Faults faults = new Faults();
    private final RequestLog requests = new RequestLog();
    private final SeedFile seedFile;
    private Snapshots snapshots;
    private UsedIds usedIds = UsedIds.NONE;
    private org.jdbi.v3.core.Jdbi jdbi;
    private volatile CpuSlots slots;
    private Services services;
    private volatile Seeded seeded = new Seeded(List.of());

    private TestMode(SeedFile seedFile) {
        this.seedFile = seedFile;
    }

    /** Test mode with no seed: an empty server. */
    public static TestMode empty() {
        return new TestMode(null);
    }

    /** Test mode that loads {@code seedFile} at start and resets back to it. */
    public static TestMode seeded(SeedFile seedFile) {
        return new TestMode(seedFile);
    }

    public ControllableClock clock() {
        return clock;
    }

    public Faults faults() {
        return faults;
    }

    public RequestLog requests() {
        return requests;
    }

    public Seeded seeded() {
        return seeded;
    }

    public Snapshots snapshots() {
        return snapshots;
    }

    /** The cheap hash; test mode only, and refused by the production verifier. */
    public PasswordHasher passwordHasher() {
        return new TestModePasswordHasher();
    }

    /**
     * A private in-memory H2 database: test mode never writes a data directory's database. When this JVM already
     * loaded the same seed, the new database starts as a copy of that one (its {@code seed} snapshot), so neither the
     * migrations nor the seed run again: that is what makes a second test class start fast.
     */
    public String jdbcUrl() {
        String url = Database.h2MemoryUrl("tenantry-test-" + UUID.randomUUID());
        SeedTemplates.Template template = SeedTemplates.find(seedKey());
        if (template != null) {
            Snapshots.runScript(url, template.script());
        }
        return url;
    }

    /** Called once the services exist: loads the seed (if any) and takes the {@code seed} snapshot. */
    public void attach(Services wired, Database database, CpuSlots cpuSlots) {
        this.services = wired;
        this.slots = cpuSlots;
        this.snapshots = new Snapshots(database.jdbi());
        this.usedIds = UsedIds.in(database.jdbi());
        this.jdbi = database.jdbi();
        SeedTemplates.Template template = SeedTemplates.find(seedKey());
        if (template != null) {
            seeded = template.seeded();
            snapshots.adopt(Snapshots.SEED, template.script());
            return;
        }
        if (seedFile != null) {
            seeded = new SeedLoader(wired, usedIds, true).load(seedFile);
        }
        snapshots.take(Snapshots.SEED);
        SeedTemplates.remember(seedKey(), new SeedTemplates.Template(snapshots.file(Snapshots.SEED), seeded));
    }

    private String seedKey() {
        return seedFile == null ? "" : seedFile.text();
    }

    /** Loads another seed file into the running server (what {@code tenantry seed load} calls). */
    public Seeded load(SeedFile file) {
        Seeded more = new SeedLoader(services, usedIds, true).load(file);
        List<Seeded.SeededTenant> all = new java.util.ArrayList<>(seeded.tenants());
        all.addAll(more.tenants());
        seeded = new Seeded(all);
        return more;
    }

    /** Back to the seed: the database as it was after the seed loaded, the clock running, no faults, no records. */
    public void reset() {
        snapshots.restore(Snapshots.SEED);
        clock.reset();
        faults.clear();
        requests.clear();
    }

    /** Registers the fault and recording hooks first, then the control routes. */
    public void register(JavalinConfig cfg) {
        cfg.routes.before(this::injectFault);
        cfg.routes.after(this::record);
        cfg.routes.get(PREFIX + "/clock", ctx -> ctx.json(clockState()));
        cfg.routes.post(PREFIX + "/clock/freeze", ctx -> {
            clock.freeze();
            ctx.json(clockState());
        });
        cfg.routes.post(PREFIX + "/clock/unfreeze", ctx -> {
            clock.unfreeze();
            ctx.json(clockState());
        });
        cfg.routes.post(PREFIX + "/clock/set", ctx -> {
            clock.set(Instant.parse(field(ctx, "instant")));
            ctx.json(clockState());
        });
        cfg.routes.post(PREFIX + "/clock/advance", ctx -> {
            clock.advance(Duration.parse(field(ctx, "duration")));
            ctx.json(clockState());
        });
        cfg.routes.post(PREFIX + "/clock/reset", ctx -> {
            clock.reset();
            ctx.json(clockState());
        });
        cfg.routes.post(PREFIX + "/tokens", ctx -> {
            JsonNode body = body(ctx);
            Map<String, Object> claims = body.has("claims")
                    ? JSON.convertValue(
                            body.get("claims"),
                            JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class))
                    : Map.of();
            String token = forge(
                    web(ctx),
                    text(body, "tenantId"),
                    claims,
                    text(body, "flavour") == null ? "valid" : text(body, "flavour"));
            ctx.json(Map.of("access_token", token));
        });
        cfg.routes.get(PREFIX + "/faults", ctx -> ctx.json(faults.list()));
        cfg.routes.post(PREFIX + "/faults", ctx -> {
            JsonNode body = body(ctx);
            try {
                ctx.status(201)
                        .json(faults.add(
                                text(body, "pattern"),
                                text(body, "method"),
                                body.path("status").asInt(0),
                                text(body, "code"),
                                text(body, "message"),
                                body.path("latencyMillis").asLong(0),
                                body.has("retryAfterSeconds")
                                        ? body.get("retryAfterSeconds").asInt()
                                        : null,
                                body.has("times") ? body.get("times").asInt() : null,
                                body.has("percent") ? body.get("percent").asInt() : null));
            } catch (IllegalArgumentException e) {
                ctx.status(400).json(Map.of("error", "invalid_fault", "message", e.getMessage()));
            }
        });
        cfg.routes.delete(PREFIX + "/faults", ctx -> {
            faults.clear();
            ctx.status(204);
        });
        cfg.routes.post(PREFIX + "/reset", ctx -> {
            reset();
            ctx.status(204);
        });
        cfg.routes.post(PREFIX + "/snapshots/{name}", ctx -> {
            try {
                snapshots.take(ctx.pathParam("name"));
                ctx.status(201);
            } catch (IllegalArgumentException e) {
                ctx.status(400).json(Map.of("error", "invalid_snapshot", "message", e.getMessage()));
            }
        });
        cfg.routes.post(PREFIX + "/snapshots/{name}/restore", ctx -> {
            try {
                snapshots.restore(ctx.pathParam("name"));
                ctx.status(204);
            } catch (IllegalArgumentException e) {
                ctx.status(404).json(Map.of("error", "snapshot_not_found", "message", e.getMessage()));
            }
        });
        cfg.routes.get(PREFIX + "/requests", ctx -> {
            String clientId = ctx.queryParam("clientId");
            int last = ctx.queryParam("last") == null ? 50 : Integer.parseInt(ctx.queryParam("last"));
            ctx.json(requests.last(clientId == null ? "anonymous" : clientId, last));
        });
        cfg.routes.get(PREFIX + "/seed", ctx -> ctx.json(seeded));
        cfg.routes.get(PREFIX + "/seed/export", ctx -> {
            String tenant = ctx.queryParam("tenant");
            List<TenantId> tenants = tenant == null
                    ? tenantIds()
                    : tenantIds().stream()
                            .filter(id -> names(id).contains(tenant))
                            .toList();
            if (tenant != null && tenants.isEmpty()) {
                ctx.status(404)
                        .json(Map.of(
                                "error",
                                "tenant_not_found",
                                "message",
                                "no directory '" + tenant + "' on this server (name it by its seed name, tenant id or"
                                        + " initial domain)"));
                return;
            }
            ctx.contentType("application/yaml").result(export(tenants));
        });
        cfg.routes.post(PREFIX + "/seed", ctx -> {
            String source = ctx.queryParam("format") == null ? "request.yaml" : "request." + ctx.queryParam("format");
            try {
                ctx.status(201).json(load(SeedFile.parse(source, ctx.body())));
            } catch (SeedException e) {
                ctx.status(400)
                        .json(Map.of(
                                "error",
                                "invalid_seed",
                                "message",
                                e.getMessage(),
                                "line",
                                e.line(),
                                "field",
                                e.field()));
            }
        });
    }

    /** The directories {@code tenants} as a seed file (YAML) with every id fixed; secrets are never in it. */
    public String export(List<TenantId> tenants) {
        return services.stores()
                .transactions()
                .inTransaction(() -> SeedExporter.yaml(new SeedExporter(services.stores()).export(tenants, seeded)));
    }

    /** Every directory of the server, oldest first. */
    public List<TenantId> tenantIds() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM tenant ORDER BY created_at, id")
                .mapTo(UUID.class)
                .map(TenantId::new)
                .list());
    }

    /** What a directory may be called by: its seed name, its id and its initial domain. */
    private List<String> names(TenantId id) {
        List<String> names = new java.util.ArrayList<>();
        names.add(id.toString());
        seeded.tenants().stream()
                .filter(t -> t.tenantId().equals(id.toString()))
                .forEach(t -> names.add(t.name()));
        services.stores().tenants().findById(id).ifPresent(t -> names.add(t.initialDomain()));
        return names;
    }

    private Map<String, Object> clockState() {
        return Map.of("now", clock.instant().toString(), "frozen", clock.frozen());
    }

    private void injectFault(Context ctx) throws InterruptedException {
        if (ctx.path().startsWith(PREFIX)) {
            return;
        }
        var hit = faults.match(ctx.method().name(), ctx.path());
        if (hit.isEmpty()) {
            return;
        }
        if (hit.get().latencyMillis() > 0) {
            // an injected delay is waiting, not work: the request's CPU slot is free for others meanwhile
            CpuSlots held = slots;
            boolean steppedOut = held != null && held.stepOut();
            try {
                Thread.sleep(hit.get().latencyMillis());
            } finally {
                if (held != null) {
                    held.stepIn(steppedOut);
                }
            }
        }
        int status = hit.get().status();
        if (status == 0) {
            return;
        }
        Faults.Fault fault = hit.get().fault();
        if (fault.retryAfterSeconds() != null) {
            ctx.header("Retry-After", String.valueOf(fault.retryAfterSeconds()));
        } else if (status == 429 || status == 503) {
            ctx.header("Retry-After", "1");
        }
        ctx.status(status).contentType("application/json").result(errorBody(ctx.path(), status, fault));
        record(ctx); // the after handlers may not run once the remaining handlers are skipped
        ctx.skipRemainingHandlers();
    }

    private void record(Context ctx) {
        if (ctx.path().startsWith(PREFIX) || ctx.attribute(RECORDED) != null) {
            return;
        }
        ctx.attribute(RECORDED, true);
        requests.record(new RequestLog.Recorded(
                clock.instant(),
                clientIdOf(ctx),
                ctx.method().name(),
                ctx.path(),
                ctx.queryString(),
                ctx.status().getCode()));
    }

    /** The error body of the surface the path belongs to: Entra's OAuth error, Graph's or ARM's {@code error} object. */
    static String errorBody(String path, int status, Faults.Fault fault) {
        String message = fault.message() == null ? "Injected by a Tenantry test fault." : fault.message();
        Map<String, Object> body = new LinkedHashMap<>();
        if (path.contains("/oauth2/")) {
            body.put(
                    "error",
                    fault.code() == null ? (status == 429 ? "temporarily_unavailable" : "server_error") : fault.code());
            body.put("error_description", message);
            body.put("error_codes", List.of(status == 429 ? 50196 : 90033));
            body.put("timestamp", Instant.now().toString());
            body.put("trace_id", UUID.randomUUID().toString());
            body.put("correlation_id", UUID.randomUUID().toString());
        } else if (path.startsWith("/v1.0") || path.startsWith("/beta")) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", fault.code() == null ? graphCode(status) : fault.code());
            error.put("message", message);
            error.put(
                    "innerError",
                    Map.of(
                            "date",
                            Instant.now().toString(),
                            "request-id",
                            UUID.randomUUID().toString()));
            body.put("error", error);
        } else {
            body.put(
                    "error", Map.of("code", fault.code() == null ? armCode(status) : fault.code(), "message", message));
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String graphCode(int status) {
        return switch (status) {
            case 429 -> "TooManyRequests";
            case 503 -> "serviceNotAvailable";
            case 404 -> "Request_ResourceNotFound";
            case 403 -> "Authorization_RequestDenied";
            default -> status >= 500 ? "generalException" : "BadRequest";
        };
    }

    private static String armCode(int status) {
        return switch (status) {
            case 429 -> "TooManyRequests";
            case 503 -> "ServiceUnavailable";
            case 404 -> "ResourceNotFound";
            case 403 -> "AuthorizationFailed";
            default -> status >= 500 ? "InternalServerError" : "BadRequest";
        };
    }

    /**
     * A token with {@code claims} over sensible defaults, signed with the server's key — or, by {@code flavour},
     * signed with a wrong key, expired, for a wrong audience, from a wrong issuer, or without {@code scp}.
     */
    public String forge(String baseUrl, String tenantId, Map<String, Object> claims, String flavour) {
        Instant now = clock.instant();
        String tid = tenantId != null
                ? tenantId
                : claims.getOrDefault("tid", UUID.randomUUID()).toString();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(baseUrl + "/" + tid + "/v2.0")
                .audience("https://graph.microsoft.com")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("tid", tid)
                .claim("ver", "2.0")
                .claim("scp", "User.Read")
                .jwtID(UUID.randomUUID().toString());
        claims.forEach((name, value) -> builder.claim(name, value instanceof Number n ? n.longValue() : value));
        switch (flavour.toLowerCase(Locale.ROOT)) {
            case "valid", "wrong-key" -> {}
            case "expired" ->
                builder.expirationTime(Date.from(now.minus(Duration.ofMinutes(5))))
                        .issueTime(Date.from(now.minus(Duration.ofHours(1))))
                        .notBeforeTime(Date.from(now.minus(Duration.ofHours(1))));
            case "wrong-audience" -> builder.audience("api://not-this-api");
            // another directory's issuer: the tid and the iss disagree, which Tenantry and Entra both refuse
            case "wrong-issuer" -> builder.issuer(baseUrl + "/" + UUID.randomUUID() + "/v2.0");
            case "no-scp", "missing-scp" -> builder.claim("scp", null);
            default ->
                throw new IllegalArgumentException("unknown flavour '" + flavour
                        + "'; use valid, wrong-key, expired, wrong-audience, wrong-issuer or no-scp");
        }
        JWTClaimsSet set = builder.build();
        if (!flavour.equalsIgnoreCase("wrong-key")) {
            return services.signingKeys().sign(set);
        }
        try {
            RSAKey stranger = new RSAKeyGenerator(2048).generate();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .type(JOSEObjectType.JWT)
                            .keyID(services.signingKeys().currentKid())
                            .build(),
                    set);
            jwt.sign(new RSASSASigner(stranger));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The client id of a request: the token's {@code appid}/{@code azp}, else the form's {@code client_id}. */
    static String clientIdOf(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            try {
                var claims = SignedJWT.parse(authorization.substring(7).strip()).getJWTClaimsSet();
                Object appId = claims.getClaim("appid") != null ? claims.getClaim("appid") : claims.getClaim("azp");
                if (appId != null) {
                    return appId.toString();
                }
            } catch (ParseException notAJwt) {
                return "anonymous";
            }
        }
        String contentType = ctx.contentType();
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            String clientId = ctx.formParam("client_id");
            if (clientId != null) {
                return clientId;
            }
            String basic = ctx.header("Authorization");
            if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
                String decoded =
                        new String(Base64.getDecoder().decode(basic.substring(6).strip()), StandardCharsets.UTF_8);
                return decoded.substring(0, Math.max(0, decoded.indexOf(':')));
            }
        }
        return "anonymous";
    }

    private static String web(Context ctx) {
        return dev.tenantry.web.BaseUrl.of(ctx);
    }

    private static JsonNode body(Context ctx) throws java.io.IOException {
        String raw = ctx.body();
        return raw.isBlank() ? JSON.createObjectNode() : JSON.readTree(raw);
    }

    private static String field(Context ctx, String name) throws java.io.IOException {
        String value = text(body(ctx), name);
        if (value == null) {
            throw new io.javalin.http.BadRequestResponse("'" + name + "' is required");
        }
        return value;
    }

    private static String text(JsonNode body, String name) {
        JsonNode value = body.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
