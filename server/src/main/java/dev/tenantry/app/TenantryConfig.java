package dev.tenantry.app;

import dev.tenantry.storage.Database;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of a Tenantry server, in one place. Precedence: defaults &lt; {@code TENANTRY_*} environment &lt;
 * command-line flags. Nothing else reads the environment.
 *
 * @param host address to bind, loopback by default
 * @param port HTTPS port; 0 picks a free one
 * @param dataDir holds the embedded database and the TLS key and certificate
 * @param jdbcUrl database URL; null means embedded H2 in {@code dataDir}
 * @param publicUrl the base URL clients use (issuer, links); null means the request's own host
 * @param domainSuffix suffix of initial domains, as {@code onmicrosoft.com} in Entra
 * @param catalogFile an operator's catalog replacing the shipped one; null for the defaults
 * @param masterKey base64 of the 32-byte key that encrypts secrets at rest; null means {@code keys/master.key} in
 *     {@code dataDir}, created on first start
 */
public record TenantryConfig(
        String host,
        int port,
        Path dataDir,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        String publicUrl,
        String domainSuffix,
        Path catalogFile,
        String masterKey) {

    public static final String DEFAULT_DOMAIN_SUFFIX = "onmicrosoft.test";

    public static TenantryConfig defaults() {
        return new TenantryConfig(
                "127.0.0.1", 8443, Path.of("tenantry-data"), null, "sa", "", null, DEFAULT_DOMAIN_SUFFIX, null, null);
    }

    /** Reads {@code TENANTRY_HOST}, {@code _PORT}, {@code _DATA}, {@code _JDBC_URL}, … over the defaults. */
    public static TenantryConfig fromEnv(Map<String, String> env) {
        TenantryConfig base = defaults();
        return new TenantryConfig(
                env.getOrDefault("TENANTRY_HOST", base.host()),
                Optional.ofNullable(env.get("TENANTRY_PORT"))
                        .map(Integer::parseInt)
                        .orElse(base.port()),
                Optional.ofNullable(env.get("TENANTRY_DATA")).map(Path::of).orElse(base.dataDir()),
                env.getOrDefault("TENANTRY_JDBC_URL", base.jdbcUrl()),
                env.getOrDefault("TENANTRY_JDBC_USER", base.jdbcUser()),
                env.getOrDefault("TENANTRY_JDBC_PASSWORD", base.jdbcPassword()),
                env.getOrDefault("TENANTRY_PUBLIC_URL", base.publicUrl()),
                env.getOrDefault("TENANTRY_DOMAIN_SUFFIX", base.domainSuffix()),
                Optional.ofNullable(env.get("TENANTRY_CATALOG")).map(Path::of).orElse(base.catalogFile()),
                env.getOrDefault("TENANTRY_MASTER_KEY", base.masterKey()));
    }

    public TenantryConfig withHost(String newHost) {
        return new TenantryConfig(
                newHost,
                port,
                dataDir,
                jdbcUrl,
                jdbcUser,
                jdbcPassword,
                publicUrl,
                domainSuffix,
                catalogFile,
                masterKey);
    }

    public TenantryConfig withPort(int newPort) {
        return new TenantryConfig(
                host,
                newPort,
                dataDir,
                jdbcUrl,
                jdbcUser,
                jdbcPassword,
                publicUrl,
                domainSuffix,
                catalogFile,
                masterKey);
    }

    public TenantryConfig withDataDir(Path newDataDir) {
        return new TenantryConfig(
                host,
                port,
                newDataDir,
                jdbcUrl,
                jdbcUser,
                jdbcPassword,
                publicUrl,
                domainSuffix,
                catalogFile,
                masterKey);
    }

    public TenantryConfig withPublicUrl(String newPublicUrl) {
        return new TenantryConfig(
                host,
                port,
                dataDir,
                jdbcUrl,
                jdbcUser,
                jdbcPassword,
                newPublicUrl,
                domainSuffix,
                catalogFile,
                masterKey);
    }

    public TenantryConfig withMasterKey(String newMasterKey) {
        return new TenantryConfig(
                host,
                port,
                dataDir,
                jdbcUrl,
                jdbcUser,
                jdbcPassword,
                publicUrl,
                domainSuffix,
                catalogFile,
                newMasterKey);
    }

    /** The JDBC URL in force: the configured one, or H2 in PostgreSQL mode inside the data directory. */
    public String effectiveJdbcUrl() {
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            return jdbcUrl;
        }
        return Database.h2FileUrl(dataDir.resolve("tenantry"));
    }

    /** The key file that holds the master key when {@code TENANTRY_MASTER_KEY} is not set. */
    public Path masterKeyFile() {
        return dataDir.resolve("keys").resolve("master.key");
    }

    public Path certificateFile() {
        return dataDir.resolve("tls").resolve("server.pem");
    }

    public Path privateKeyFile() {
        return dataDir.resolve("tls").resolve("server.key");
    }

    @Override
    public String toString() {
        return "TenantryConfig[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", jdbcUrl="
                + effectiveJdbcUrl() + ", jdbcUser=" + jdbcUser + ", jdbcPassword=***, publicUrl=" + publicUrl
                + ", domainSuffix=" + domainSuffix + ", catalogFile=" + catalogFile + ", masterKey="
                + (masterKey == null ? "keys/master.key" : "***") + "]";
    }

    /**
     * The server's own origin as clients name it: the public URL, else the bound address ({@code https://host:port},
     * without {@code :443}); null when the port is picked at start. It is Graph's resource id here (and ARM accepts it) and
     * never comes from a request's {@code Host} header.
     */
    public String ownOrigin() {
        if (publicUrl != null && !publicUrl.isBlank()) {
            return publicUrl.strip().replaceAll("/+$", "");
        }
        if (port == 0) {
            return null;
        }
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        return "https://" + hostPart + (port == 443 ? "" : ":" + port);
    }
}
