package dev.tenantry.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * async-profiler attached to the server under load for one measured phase ({@code bin/bench --profile DIR}): CPU
 * samples every millisecond, written as collapsed stacks (one line per stack and its count, what flame graph tools
 * read) to {@code DIR/<phase>-c<clients>.collapsed}. It is loaded into the running server through {@code jcmd}, so
 * the server starts as it always does (its AOT cache and flags unchanged); the figures of a profiled run carry the
 * profiler's cost and are not to be compared with others.
 */
record Profiler(Path library, Path into, ProcessHandle server) {

    void start() {
        agent("start,event=cpu,interval=1ms");
    }

    void stop(String phase, int clients) {
        String file =
                phase.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "") + "-c" + clients
                        + ".collapsed";
        agent("stop,collapsed,file=" + into.resolve(file));
        System.out.println("profile of " + phase + " (c=" + clients + "): " + into.resolve(file));
    }

    /** Loads the agent with {@code arguments}; once loaded, each load hands the running profiler a command. */
    private void agent(String arguments) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            // jcmd splits its arguments at commas unless they are quoted
            Process process = new ProcessBuilder(
                            jcmd,
                            String.valueOf(server.pid()),
                            "JVMTI.agent_load",
                            library.toString(),
                            "\"" + arguments + "\"")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0 || !output.contains("return code: 0")) {
                throw new IllegalStateException("async-profiler refused \"" + arguments + "\": " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading async-profiler", e);
        }
    }
}
