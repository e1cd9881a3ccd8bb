package dev.tenantry.app;

import dev.tenantry.storage.Database;
import dev.tenantry.storage.DatabaseUrl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

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
 * @param hostnames further names the server answers on ({@code --hostname}): its certificate names them, and they are
 *     accepted as origins besides the public URL
 * @param microsoftHostnames whether the server also answers as Microsoft's public cloud ({@link #MICROSOFT_HOSTNAMES})
 * @param operations pool size, log format, metrics and shutdown settings
 * @param managedIdentityEndpoint the managed identity endpoint's settings (issue 11); null when it is off
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
        String masterKey,
        List<String> hostnames,
        boolean microsoftHostnames,
        Operations operations,
        ManagedIdentityEndpoint managedIdentityEndpoint) {

    public static final String DEFAULT_DOMAIN_SUFFIX = "onmicrosoft.test";

    /**
     * The host names of Microsoft's public cloud that the Azure CLI, MSAL and azure-identity reach with no setting: the
     * identity platform, Microsoft Graph, Resource Manager, and Resource Manager's token audience.
     */
    public static final List<String> MICROSOFT_HOSTNAMES = List.of(
            "login.microsoftonline.com", "graph.microsoft.com", "management.azure.com", "management.core.windows.net");

    public TenantryConfig {
        hostnames = hostnames == null ? List.of() : List.copyOf(hostnames);
        operations = operations == null ? Operations.defaults() : operations;
    }

    public TenantryConfig withManagedIdentityEndpoint(ManagedIdentityEndpoint endpoint) {
        return copy(c -> c.managedIdentityEndpoint = endpoint);
    }

    /** This configuration with what {@code change} sets on a copy of its settings. */
    private TenantryConfig copy(Consumer<Fields> change) {
        Fields fields = new Fields(this);
        change.accept(fields);
        return fields.config();
    }

    /** The settings of a configuration as a {@code with…} method changes one of them. */
    private static final class Fields {
        String host;
        int port;
        Path dataDir;
        String jdbcUrl;
        String jdbcUser;
        String jdbcPassword;
        String publicUrl;
        String domainSuffix;
        Path catalogFile;
        String masterKey;
        List<String> hostnames;
        boolean microsoftHostnames;
        Operations operations;
        ManagedIdentityEndpoint managedIdentityEndpoint;

        Fields(TenantryConfig config) {
            host = config.host;
            port = config.port;
            dataDir = config.dataDir;
            jdbcUrl = config.jdbcUrl;
            jdbcUser = config.jdbcUser;
            jdbcPassword = config.jdbcPassword;
            publicUrl = config.publicUrl;
            domainSuffix = config.domainSuffix;
            catalogFile = config.catalogFile;
            masterKey = config.masterKey;
            hostnames = config.hostnames;
            microsoftHostnames = config.microsoftHostnames;
            operations = config.operations;
            managedIdentityEndpoint = config.managedIdentityEndpoint;
        }

        TenantryConfig config() {
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
                    masterKey,
                    hostnames,
                    microsoftHostnames,
                    operations,
                    managedIdentityEndpoint);
        }
    }

    public static TenantryConfig defaults() {
        return new TenantryConfig(
                "127.0.0.1",
                8443,
                Path.of("tenantry-data"),
                null,
                "sa",
                "",
                null,
                DEFAULT_DOMAIN_SUFFIX,
                null,
                null,
                List.of(),
                false,
                Operations.defaults(),
                null);
    }

    /** Reads {@code TENANTRY_HOST}, {@code _PORT}, {@code _DATA}, {@code _JDBC_URL}, … over the defaults. */
    public static TenantryConfig fromEnv(Map<String, String> env) {
        return fromEnv(env, defaults());
    }

    /**
     * Reads {@code TENANTRY_HOST}, {@code _PORT}, {@code _DATA}, {@code _DATABASE}, {@code _JDBC_URL}, … over
     * {@code base} (the defaults, or a configuration file over them). A value that cannot be read is an
     * {@link IllegalArgumentException} naming the variable.
     */
    public static TenantryConfig fromEnv(Map<String, String> env, TenantryConfig base) {
        TenantryConfig config = new TenantryConfig(
                env.getOrDefault("TENANTRY_HOST", base.host()),
                Optional.ofNullable(env.get("TENANTRY_PORT"))
                        .map(value -> Operations.number("TENANTRY_PORT", value, 0, 65535))
                        .orElse(base.port()),
                Optional.ofNullable(env.get("TENANTRY_DATA")).map(Path::of).orElse(base.dataDir()),
                env.getOrDefault("TENANTRY_JDBC_URL", base.jdbcUrl()),
                env.getOrDefault("TENANTRY_JDBC_USER", base.jdbcUser()),
                env.getOrDefault("TENANTRY_JDBC_PASSWORD", base.jdbcPassword()),
                env.getOrDefault("TENANTRY_PUBLIC_URL", base.publicUrl()),
                env.getOrDefault("TENANTRY_DOMAIN_SUFFIX", base.domainSuffix()),
                Optional.ofNullable(env.get("TENANTRY_CATALOG")).map(Path::of).orElse(base.catalogFile()),
                env.getOrDefault("TENANTRY_MASTER_KEY", base.masterKey()),
                Optional.ofNullable(env.get("TENANTRY_HOSTNAMES"))
                        .map(TenantryConfig::hostnameList)
                        .orElse(base.hostnames()),
                Optional.ofNullable(env.get("TENANTRY_MICROSOFT_HOSTNAMES"))
                        .map(value -> value.strip().equalsIgnoreCase("true"))
                        .orElse(base.microsoftHostnames()),
                base.operations().fromEnv(env),
                ManagedIdentityEndpoint.fromEnv(env, base.managedIdentityEndpoint()));
        String database = env.get("TENANTRY_DATABASE");
        return database == null || database.isBlank() ? config : config.withDatabase("TENANTRY_DATABASE", database);
    }

    /**
     * This configuration on the database {@code url} ({@code postgresql://user:password@host:5432/db} or a JDBC URL),
     * with the user and password it names; {@code source} names the setting in a refusal.
     */
    public TenantryConfig withDatabase(String source, String url) {
        DatabaseUrl parsed;
        try {
            parsed = DatabaseUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        boolean named = parsed.user() != null;
        return copy(c -> {
            c.jdbcUrl = parsed.jdbcUrl();
            if (named) {
                c.jdbcUser = parsed.user();
                c.jdbcPassword = parsed.password() == null ? "" : parsed.password();
            }
        });
    }

    public TenantryConfig withOperations(Operations newOperations) {
        return copy(c -> c.operations = newOperations);
    }

    public TenantryConfig withHost(String newHost) {
        return copy(c -> c.host = newHost);
    }

    public TenantryConfig withPort(int newPort) {
        return copy(c -> c.port = newPort);
    }

    public TenantryConfig withDataDir(Path newDataDir) {
        return copy(c -> c.dataDir = newDataDir);
    }

    public TenantryConfig withPublicUrl(String newPublicUrl) {
        return copy(c -> c.publicUrl = newPublicUrl);
    }

    public TenantryConfig withMasterKey(String newMasterKey) {
        return copy(c -> c.masterKey = newMasterKey);
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
                + (masterKey == null ? "keys/master.key" : "***") + ", hostnames=" + hostnames + ", microsoftHostnames="
                + microsoftHostnames + ", " + operations + ", managedIdentityEndpoint=" + managedIdentityEndpoint + "]";
    }

    public TenantryConfig withHostnames(List<String> newHostnames) {
        return copy(c -> c.hostnames = newHostnames);
    }

    public TenantryConfig withMicrosoftHostnames(boolean answerAsMicrosoft) {
        return copy(c -> c.microsoftHostnames = answerAsMicrosoft);
    }

    /** The local certificate authority's certificate, made by {@code tenantry cert ca}. */
    public Path caCertificateFile() {
        return dataDir.resolve("tls").resolve("ca.pem");
    }

    public Path caPrivateKeyFile() {
        return dataDir.resolve("tls").resolve("ca.key");
    }

    /** The JVM trust store (PKCS12, password {@code changeit}) holding the local CA, written by {@code tenantry trust}. */
    public Path trustStoreFile() {
        return dataDir.resolve("tls").resolve("truststore.p12");
    }

    /**
     * The names a certificate the server makes must cover: {@code localhost}, {@code 127.0.0.1}, {@code ::1}, the bind
     * host (unless it binds every address), each {@code --hostname}, and Microsoft's names when asked.
     */
    public Set<String> certificateNames() {
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        if (host != null && !host.isBlank() && !host.equals("0.0.0.0") && !host.equals("::")) {
            names.add(host.toLowerCase(Locale.ROOT));
        }
        hostnames.forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        if (microsoftHostnames) {
            names.addAll(MICROSOFT_HOSTNAMES);
        }
        return names;
    }

    /**
     * Host names besides the public URL that the server answers as itself (issuer, links): each {@code --hostname}
     * and, with {@code --microsoft-hostnames}, Microsoft's. They name the server only; no audience depends on them.
     */
    public Set<String> acceptedHostnames() {
        Set<String> names = new LinkedHashSet<>();
        hostnames.forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        if (microsoftHostnames) {
            names.addAll(MICROSOFT_HOSTNAMES);
        }
        return names;
    }

    /** {@code a.example, b.example} (commas or spaces) as a list of names, blanks dropped. */
    static List<String> hostnameList(String text) {
        List<String> names = new ArrayList<>();
        for (String name :
                java.util.regex.Pattern.compile("[,\\s]+").splitAsStream(text).toList()) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
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
