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

    TenantryConfig apply(Map<String, String> env) {
        TenantryConfig config = TenantryConfig.fromEnv(env);
        return dataDir == null ? config : config.withDataDir(dataDir);
    }
}
