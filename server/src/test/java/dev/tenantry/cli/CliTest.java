package dev.tenantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.testing.CapturedConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path data;

    @Test
    void certExportWithoutACertificateFailsAndCreatesNothing() throws Exception {
        int exit = TenantryCli.run(Map.of(), "cert", "export", "--data", data.toString());

        assertThat(exit).isEqualTo(1);
        try (var files = Files.list(data)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void everyCommandAnswersHelp() {
        assertThat(TenantryCli.run(Map.of(), "--help")).isZero();
        assertThat(TenantryCli.run(Map.of(), "serve", "--help")).isZero();
        assertThat(TenantryCli.run(Map.of(), "cert", "export", "--help")).isZero();
        assertThat(TenantryCli.run(Map.of(), "keys", "rotate", "--help")).isZero();
        assertThat(TenantryCli.run(Map.of(), "cert", "ca", "--help")).isZero();
        assertThat(TenantryCli.run(Map.of(), "trust", "--help")).isZero();
    }

    @Test
    void aKidStartingWithADashIsAKidNotAnOption() throws Exception {
        Path empty = Files.createDirectory(data.resolve("empty"));

        // exit 1 (no database here), not 2 (a usage error): the kid was taken as the KID parameter
        assertThat(TenantryCli.run(Map.of(), "keys", "retire", "-0syXC3XBrXab3dJ", "--data", empty.toString()))
                .isEqualTo(1);
    }

    @Test
    void aHostnameNoCertificateCanNameIsRefusedBeforeStarting() throws Exception {
        assertThat(TenantryCli.run(Map.of(), "serve", "--hostname", "999.1.1.1", "--data", data.toString()))
                .isEqualTo(2);
        assertThat(TenantryCli.run(
                        Map.of("TENANTRY_HOSTNAMES", "ok.example,bad_name"), "serve", "--data", data.toString()))
                .isEqualTo(2);
        try (var files = Files.list(data)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aBadDatabaseUrlIsNamedByEveryCommandNotAStackTrace() {
        int exit = TenantryCli.run(
                Map.of("TENANTRY_DATABASE", "mysql://u:secret@h/db"), "keys", "list", "--data", data.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(console.err())
                .startsWith("invalid_configuration: ")
                .contains("postgresql://")
                .doesNotContain("Exception")
                .doesNotContain("secret");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(TenantryCli.run(Map.of(), "serve", "--no-such-option")).isEqualTo(2);
    }

    @Test
    void aDatabaseSettingThatCannotBeReadIsRefusedBeforeStarting() throws Exception {
        assertThat(TenantryCli.run(Map.of(), "serve", "--database", "mysql://h/db", "--data", data.toString()))
                .isEqualTo(2);
        assertThat(TenantryCli.run(Map.of(), "serve", "--db-pool-size", "0", "--data", data.toString()))
                .isEqualTo(2);
        try (var files = Files.list(data)) {
            assertThat(files).isEmpty();
        }
    }
}
