package dev.tenantry.cli;

import dev.tenantry.app.ConfigFile;
import dev.tenantry.app.TenantryConfig;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --data} option shared by commands that work on a data directory. */
final class DataOptions {

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description =
                    "Data directory (database, TLS key and certificate). Default: $TENANTRY_DATA or ./tenantry-data")
    Path dataDir;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "A tenantry.yaml with any of these settings (flags and TENANTRY_* variables win over it)."
                    + " Default: $TENANTRY_CONFIG")
    Path configFile;

    @Option(
            names = "--database",
            paramLabel = "URL",
            description = "PostgreSQL to use instead of the embedded H2: postgresql://user:password@host:5432/db (or a"
                    + " jdbc: URL). Default: $TENANTRY_DATABASE, else H2 in the data directory")
    String database;

    @Option(
            names = "--db-pool-size",
            paramLabel = "N",
            description = "Connections in the database pool. Default: $TENANTRY_DB_POOL_SIZE or 16")
    Integer dbPoolSize;

    /** The configuration from the environment and these options; a setting that cannot be read is refused by name. */
    TenantryConfig apply(Map<String, String> env) {
        Path file = configFile != null
                ? configFile
                : env.get("TENANTRY_CONFIG") == null
                                || env.get("TENANTRY_CONFIG").isBlank()
                        ? null
                        : Path.of(env.get("TENANTRY_CONFIG"));
        TenantryConfig base =
                file == null ? TenantryConfig.defaults() : ConfigFile.read(file, TenantryConfig.defaults());
        TenantryConfig config = TenantryConfig.fromEnv(env, base);
        if (dataDir != null) {
            config = config.withDataDir(dataDir);
        }
        if (database != null) {
            config = config.withDatabase("--database", database);
        }
        if (dbPoolSize != null) {
            try {
                config = config.withOperations(config.operations().withDbPoolSize(dbPoolSize));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--db-pool-size: " + e.getMessage(), e);
            }
        }
        return config;
    }
}
