package dev.tenantry.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PhasesTest {

    @Test
    @DisplayName("bin/bench without --only runs every phase, and profiles none")
    void everyPhaseRunsByDefault() {
        Bench.Options options = Bench.Options.parse(new String[0], Path.of("bin/tenantry"));

        assertThat(options.phases().runs("refresh grant, rotating")).isTrue();
        assertThat(options.phases().runs("Keycloak client_credentials")).isTrue();
        assertThat(options.phases().profiler(ProcessHandle.current())).isEmpty();
    }

    @Test
    @DisplayName("--only runs the phases whose names contain one of its words, whatever their case")
    void onlyRunsThePhasesNamed() {
        Phases phases = Bench.Options.parse(new String[] {"--only", "Refresh, graph"}, Path.of("bin/tenantry"))
                .phases();

        assertThat(phases.runs("refresh grant, rotating")).isTrue();
        assertThat(phases.runs("Tenantry refresh (rotating)")).isTrue();
        assertThat(phases.runs("Graph GET /v1.0/users?$top=100")).isTrue();
        assertThat(phases.runs("client_credentials token")).isFalse();
        assertThat(phases.runs("password grant (Argon2id)")).isFalse();
    }

    @Test
    @DisplayName("the password flood and the figure measured during it run together, whichever of them is named")
    void theFloodRunsWithTheFigureDuringIt() {
        Phases byToken = new Phases(Phases.words("client_credentials"), Optional.empty(), Optional.empty());
        Phases byFlood = new Phases(Phases.words("503"), Optional.empty(), Optional.empty());
        Phases neither = new Phases(Phases.words("refresh"), Optional.empty(), Optional.empty());

        assertThat(byToken.runs(Phases.FLOOD)).isTrue();
        assertThat(byFlood.runs(Phases.DURING_FLOOD)).isTrue();
        assertThat(neither.runs(Phases.FLOOD)).isFalse();
        assertThat(neither.runs(Phases.DURING_FLOOD)).isFalse();
    }

    @Test
    @DisplayName("a phase --only leaves out has no figures and no line")
    void aSkippedPhaseHasNoFigures() throws Exception {
        Load.phases = new Phases(Phases.words("graph"), Optional.empty(), Optional.empty());
        try {
            Load.Result skipped = Load.run("refresh grant, rotating", null, 8, 1, 1, Optional.empty(), c -> null);

            assertThat(skipped.ran()).isFalse();
            assertThat(skipped.perSecond()).isNaN();
        } finally {
            Load.phases = Phases.ALL;
        }
    }

    @Test
    @DisplayName("--profile without async-profiler's library (bin/bench unpacks it) is refused at the start")
    void profilingNeedsTheLibrary() {
        assertThatThrownBy(() -> new Phases(Phases.words(""), Optional.of(Path.of("profiles")), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bin/bench");
    }

    @Test
    void aProfiledPhaseGetsAProfilerForTheServer() {
        Phases phases = new Phases(
                Phases.words(""), Optional.of(Path.of("profiles")), Optional.of(Path.of("libasyncProfiler.so")));

        assertThat(phases.profiler(ProcessHandle.current()))
                .hasValueSatisfying(profiler -> assertThat(profiler.into()).isEqualTo(Path.of("profiles")));
    }
}
