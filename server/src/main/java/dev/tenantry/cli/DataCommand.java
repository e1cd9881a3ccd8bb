package dev.tenantry.cli;

import dev.tenantry.app.TenantryConfig;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** A command that works on a data directory: {@code --data} and the {@code TENANTRY_*} environment. */
abstract class DataCommand implements Callable<Integer>, EnvFactory.NeedsEnv {

    @Mixin
    DataOptions data = new DataOptions();

    private Map<String, String> env = Map.of();

    @Override
    public void env(Map<String, String> environment) {
        this.env = environment;
    }

    /** The configuration from the environment and {@code --data}. */
    TenantryConfig config() {
        return data.apply(env);
    }
}
