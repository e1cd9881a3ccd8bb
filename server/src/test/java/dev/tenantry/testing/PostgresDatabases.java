package dev.tenantry.testing;

import dev.tenantry.app.TenantryConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/** Makes and drops one throw-away PostgreSQL database per test class, when a test PostgreSQL server is configured. */
final class PostgresDatabases {

    private final String adminUrl;
    private final String user;
    private final String password;

    private PostgresDatabases(String adminUrl, String user, String password) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    /** The configured server, or null when {@code TENANTRY_TEST_PG_URL} is not set (then tests use H2). */
    static PostgresDatabases fromEnv(Map<String, String> env) {
        String url = env.get("TENANTRY_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        return new PostgresDatabases(
                url,
                env.getOrDefault("TENANTRY_TEST_PG_USER", "postgres"),
                env.getOrDefault("TENANTRY_TEST_PG_PASSWORD", ""));
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** Creates a new empty database and returns its JDBC URL. */
    String create() {
        String name = "tenantry_it_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE DATABASE " + name);
        return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
    }

    TenantryConfig configure(TenantryConfig config, String jdbcUrl) {
        return new TenantryConfig(
                config.host(),
                config.port(),
                config.dataDir(),
                jdbcUrl,
                user,
                password,
                config.publicUrl(),
                config.domainSuffix(),
                config.catalogFile(),
                config.masterKey(),
                config.hostnames(),
                config.microsoftHostnames(),
                config.operations(),
                config.managedIdentityEndpoint());
    }

    void drop(String jdbcUrl) {
        execute("DROP DATABASE IF EXISTS " + jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1) + " WITH (FORCE)");
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test PostgreSQL at " + adminUrl + " refused: " + sql, e);
        }
    }
}
