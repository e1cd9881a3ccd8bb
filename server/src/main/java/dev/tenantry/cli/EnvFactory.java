package dev.tenantry.cli;

import java.util.Map;
import picocli.CommandLine;

/** Gives commands the environment map, so only the CLI's entry point reads the process environment. */
final class EnvFactory implements CommandLine.IFactory {

    private final Map<String, String> env;

    EnvFactory(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        K instance = CommandLine.defaultFactory().create(type);
        if (instance instanceof NeedsEnv needsEnv) {
            needsEnv.env(env);
        }
        return instance;
    }

    /** A command that reads its defaults from the environment. */
    interface NeedsEnv {
        void env(Map<String, String> env);
    }
}
