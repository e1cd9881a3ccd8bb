package dev.tenantry.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which of {@code bin/bench}'s phases run ({@code --only}) and where their CPU profiles go ({@code --profile}), for
 * working on one figure without the seventeen minutes of the whole run.
 *
 * @param only words a phase's name must contain one of to run (case aside); empty: every phase runs
 * @param profiles the directory each measured phase's profile is written to, when profiled
 * @param profilerLibrary async-profiler's agent library, which {@code bin/bench --profile} unpacks
 */
record Phases(List<String> only, Optional<Path> profiles, Optional<Path> profilerLibrary) {

    static final Phases ALL = new Phases(List.of(), Optional.empty(), Optional.empty());

    /** The password flood, and the client-credentials figure measured during it: they run together or not at all. */
    static final String FLOOD = "password flood (503s count as failed)";

    static final String DURING_FLOOD = "client_credentials during a password flood";

    Phases {
        only = only.stream()
                .map(word -> word.strip().toLowerCase(Locale.ROOT))
                .filter(word -> !word.isEmpty())
                .toList();
        if (profiles.isPresent() && profilerLibrary.isEmpty()) {
            throw new IllegalArgumentException("--profile needs async-profiler's library: run it through bin/bench");
        }
    }

    /** {@code --only} as given: words separated by commas. */
    static List<String> words(String commaSeparated) {
        return List.of(commaSeparated.split(",", -1));
    }

    /** Whether {@code phase} runs: a figure measured during the flood runs with the flood, else it would mislead. */
    boolean runs(String phase) {
        if (phase.equals(FLOOD) || phase.equals(DURING_FLOOD)) {
            return named(FLOOD) || named(DURING_FLOOD);
        }
        return named(phase);
    }

    private boolean named(String phase) {
        String name = phase.toLowerCase(Locale.ROOT);
        return only.isEmpty() || only.stream().anyMatch(name::contains);
    }

    /** The profiler for a phase measured on {@code server}, when profiles were asked for. */
    Optional<Profiler> profiler(ProcessHandle server) {
        return profiles.map(into -> new Profiler(profilerLibrary.orElseThrow(), into, server));
    }
}
