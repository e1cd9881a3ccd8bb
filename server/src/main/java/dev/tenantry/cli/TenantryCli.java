package dev.tenantry.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tenantry} command: serve, and the server administration commands. */
@Command(
        name = "tenantry",
        mixinStandardHelpOptions = true,
        version = "Tenantry 0.1.0",
        description = "Self-hosted directory and subscription service.",
        subcommands = {ServeCommand.class, CertCommands.class, KeyCommands.class, TrustCommand.class, SeedCommands.class
        })
public final class TenantryCli {

    public static void main(String[] args) {
        System.exit(run(System.getenv(), args));
    }

    /** Runs a command with {@code env} as its environment; returns the exit code. */
    public static int run(Map<String, String> env, String... args) {
        CommandLine commandLine = new CommandLine(new TenantryCli(), new EnvFactory(env));
        // a kid is base64url and may start with '-': 'keys retire -0sy…' names a key, not an option
        commandLine
                .getSubcommands()
                .get("keys")
                .getSubcommands()
                .get("retire")
                .setUnmatchedOptionsArePositionalParams(true);
        // a bad setting (--database, a config file, an environment variable) is named, never a stack trace
        commandLine.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                command.getErr().println("invalid_configuration: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return commandLine.execute(args);
    }
}
