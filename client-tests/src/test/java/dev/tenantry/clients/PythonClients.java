package dev.tenantry.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Azure CLI ({@code azure-cli} 2.45), MSAL Python ({@code python3-msal}) and the Python SDK ({@code
 * python3-azure}) run as processes against the compat server under Microsoft's host names. {@code bin/test} installs
 * them when it runs as root; without them (or without the host names) the tests skip and say why.
 */
final class PythonClients {

    static final Path AZ = Path.of("/usr/bin/az");
    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 120;

    /** What a command printed and how it ended. */
    record Result(int exit, String out, String err) {

        Result requireSuccess(String what) {
            if (exit != 0) {
                throw new IllegalStateException(
                        what + " exited with " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err);
            }
            return this;
        }

        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + out + "\nstderr:\n" + err, e);
            }
        }
    }

    private PythonClients() {}

    /** Skips the calling test class unless {@code tool} is installed and Microsoft's names can point at the server. */
    static MicrosoftHostNames assumeAvailable(Path tool, String packages) {
        Assumptions.assumeTrue(
                Files.isExecutable(tool),
                () -> "skipped: " + tool + " is missing (Debian's " + packages + "; bin/test installs it as root)");
        Assumptions.assumeTrue(
                MicrosoftHostNames.get().isPresent(),
                () -> "skipped: Microsoft's host names cannot point at the server: "
                        + MicrosoftHostNames.unavailable());
        return MicrosoftHostNames.get().orElseThrow();
    }

    /** Runs {@code command} where Microsoft's names are the server's, with {@code env} added to the environment. */
    static Result run(MicrosoftHostNames names, List<String> command, Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(names.environment());
        all.putAll(env);
        return run(names.command(command), all);
    }

    /** Runs {@code command} as it is, with {@code env} added to the environment. */
    static Result run(List<String> command, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process, true));
            String out = read(process, false);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        String.join(" ", command) + " did not end in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), out, err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String read(Process process, boolean error) {
        try {
            return new String(
                    (error ? process.getErrorStream() : process.getInputStream()).readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One Azure CLI session: its own {@code AZURE_CONFIG_DIR}, so no test sees another's sign-in or cache. */
    static final class Az {

        private final MicrosoftHostNames names;
        private final Path configDir;

        Az(MicrosoftHostNames names) {
            this.names = names;
            try {
                this.configDir = Files.createTempDirectory("tenantry-compat-az-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** {@code az ARGS}, whatever its exit code. */
        Result attempt(String... args) {
            List<String> command = new ArrayList<>(List.of(AZ.toString()));
            command.addAll(List.of(args));
            return run(names, command, Map.of("AZURE_CONFIG_DIR", configDir.toString()));
        }

        /** {@code az ARGS -o json}, which must succeed; its JSON answer (a missing node when it printed nothing). */
        JsonNode json(String... args) {
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("-o", "json"));
            Result result = attempt(all.toArray(String[]::new)).requireSuccess("az " + String.join(" ", args));
            return result.out().isBlank() ? JSON.missingNode() : result.json();
        }
    }
}
