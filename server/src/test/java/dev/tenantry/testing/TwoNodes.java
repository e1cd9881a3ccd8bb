package dev.tenantry.testing;

import dev.tenantry.app.TenantryConfig;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two Tenantry servers over one PostgreSQL database, as two nodes behind a load balancer: each its own JVM-level
 * server (pool, caches, signing-key reloads, TLS certificate, data directory), both with the same master key. Needs a
 * test PostgreSQL server ({@code TENANTRY_TEST_PG_URL}; {@code bin/test} starts one): without it the class is skipped
 * and says why.
 */
public final class TwoNodes implements BeforeAllCallback, AfterAllCallback {

    private final String masterKey;
    private final RunningServer a;
    private final RunningServer b;
    private PostgresDatabases postgres;
    private String jdbcUrl;

    public TwoNodes() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        masterKey = Base64.getEncoder().encodeToString(key);
        a = new RunningServer(this::node);
        b = new RunningServer(this::node);
    }

    private TenantryConfig node(TenantryConfig config) {
        return config.withMasterKey(masterKey);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        postgres = PostgresDatabases.fromEnv(System.getenv());
        if (postgres == null) {
            System.err.println(
                    context.getDisplayName() + " skipped: two nodes need one PostgreSQL (TENANTRY_TEST_PG_URL)");
        }
        Assumptions.assumeTrue(
                postgres != null,
                "two nodes need one PostgreSQL: set TENANTRY_TEST_PG_URL (bin/test and .ci/run start a throw-away one)");
        jdbcUrl = postgres.create();
        a.startNode(jdbcUrl);
        b.startNode(jdbcUrl);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (postgres == null) {
            return;
        }
        try {
            a.stopNode();
            b.stopNode();
        } finally {
            postgres.drop(jdbcUrl);
        }
    }

    public RunningServer a() {
        return a;
    }

    public RunningServer b() {
        return b;
    }
}
