package dev.tenantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.app.TenantryApp;
import dev.tenantry.app.TenantryConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tenantry keys …} on the data directory of a real server. */
class KeyCommandsIT {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    @DisplayName("issue 8: 'keys rotate' makes a new signing key the server signs with; the old one verifies on")
    void rotateMakesANewSigningKey() {
        Path data = temp.resolve("data");
        String first;
        try (TenantryApp app = TenantryApp.start(config(data))) {
            first = app.services().signingKeys().currentKid();
        }

        assertThat(run("keys", "rotate", "--data", data.toString()))
                .as(this::captured)
                .isZero();
        assertThat(run("keys", "list", "--data", data.toString()))
                .as(this::captured)
                .isZero();
        assertThat(run("keys", "retire", first, "--data", data.toString()))
                .as(this::captured)
                .isEqualTo(1);

        String output = out.toString(StandardCharsets.UTF_8);
        String second = output.replaceAll("(?s).*signed with key (\\S+);.*", "$1");
        assertThat(second).isNotEqualTo(first).doesNotContain(" ");
        assertThat(output)
                .contains(second + "  created")
                .contains(first + "  created")
                .contains("verifies only");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("signing_key_recently_rotated");
        try (TenantryApp app = TenantryApp.start(config(data))) {
            assertThat(app.services().signingKeys().currentKid()).isEqualTo(second);
            assertThat(app.services().signingKeys().verifier(first)).isPresent();
        }
    }

    @Test
    @DisplayName("issue 8: 'keys rotate' without a database says so and creates nothing")
    void rotateWithoutADatabaseCreatesNothing() throws Exception {
        Path data = Files.createDirectory(temp.resolve("empty"));

        assertThat(run("keys", "rotate", "--data", data.toString())).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("keys_unavailable: there is no Tenantry database");
        try (var files = Files.list(data)) {
            assertThat(files).isEmpty();
        }
    }

    /** What the commands printed, so a failure shows why (this test once failed in CI and not since). */
    private String captured() {
        return "stdout:\n" + out.toString(StandardCharsets.UTF_8) + "\nstderr:\n"
                + err.toString(StandardCharsets.UTF_8);
    }

    private static int run(String... args) {
        return TenantryCli.run(Map.of(), args);
    }

    private static TenantryConfig config(Path data) {
        return TenantryConfig.defaults().withPort(0).withDataDir(data);
    }
}
