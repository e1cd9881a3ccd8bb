package dev.tenantry.cli;

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
        TenantryConfig config = TenantryConfig.fromEnv(env);
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
