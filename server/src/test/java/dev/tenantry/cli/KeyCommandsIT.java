package dev.tenantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.app.TenantryApp;
import dev.tenantry.app.TenantryConfig;
import dev.tenantry.testing.CapturedConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code tenantry keys …} on the data directory of a real server. */
class KeyCommandsIT {

    @TempDir
    Path temp;

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @Test
    @DisplayName("issue 8: 'keys rotate' makes a new signing key the server signs with; the old one verifies on")
    void rotateMakesANewSigningKey() {
        Path data = temp.resolve("data");
        String first;
        try (TenantryApp app = TenantryApp.start(config(data))) {
            first = app.services().signingKeys().currentKid();
        }

        assertThat(run("keys", "rotate", "--data", data.toString()))
                .as(console::captured)
                .isZero();
        assertThat(run("keys", "list", "--data", data.toString()))
                .as(console::captured)
                .isZero();
        assertThat(run("keys", "retire", first, "--data", data.toString()))
                .as(console::captured)
                .isEqualTo(1);

        String output = console.out();
        String second = output.replaceAll("(?s).*signed with key (\\S+);.*", "$1");
        assertThat(second).isNotEqualTo(first).doesNotContain(" ");
        assertThat(output)
                .contains(second + "  created")
                .contains(first + "  created")
                .contains("verifies only");
        assertThat(console.err()).contains("signing_key_recently_rotated");
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

        assertThat(console.err()).contains("keys_unavailable: there is no Tenantry database");
        try (var files = Files.list(data)) {
            assertThat(files).isEmpty();
        }
    }

    private static int run(String... args) {
        return TenantryCli.run(Map.of(), args);
    }

    private static TenantryConfig config(Path data) {
        return TenantryConfig.defaults().withPort(0).withDataDir(data);
    }
}
