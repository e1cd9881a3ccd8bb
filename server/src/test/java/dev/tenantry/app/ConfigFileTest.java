package dev.tenantry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.cli.TenantryCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

    @TempDir
    Path dir;

    @Test
    void everySettingIsReadFromTheFile() throws Exception {
        Path file = write("""
                host: 0.0.0.0
                port: 9443
                data: /var/lib/tenantry
                database: postgresql://app:pw@db.example:5432/tenantry
                db-pool-size: 32
                public-url: https://login.example.com
                hostnames: [graph.example.com, management.example.com]
                log-format: json
                metrics-token: 0123456789abcdef0123
                drain-seconds: 20
                """);

        TenantryConfig config = ConfigFile.read(file, TenantryConfig.defaults());

        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(9443);
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/tenantry"));
        assertThat(config.effectiveJdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/tenantry");
        assertThat(config.jdbcUser()).isEqualTo("app");
        assertThat(config.publicUrl()).isEqualTo("https://login.example.com");
        assertThat(config.hostnames()).isEqualTo(List.of("graph.example.com", "management.example.com"));
        assertThat(config.operations()).isEqualTo(new Operations(32, "json", "0123456789abcdef0123", 20));
    }

    @Test
    void theEnvironmentWinsOverTheFileAndTheFileOverTheDefaults() throws Exception {
        Path file = write("port: 9443\ndb-pool-size: 32\n");

        TenantryConfig config = TenantryConfig.fromEnv(
                Map.of("TENANTRY_PORT", "7443"), ConfigFile.read(file, TenantryConfig.defaults()));

        assertThat(config.port()).isEqualTo(7443);
        assertThat(config.operations().dbPoolSize()).isEqualTo(32);
        assertThat(config.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void anUnknownKeyIsRefusedWithItsLine() throws Exception {
        Path file = write("port: 9443\ndb-pool: 32\n");

        assertThatThrownBy(() -> ConfigFile.read(file, TenantryConfig.defaults()))
                .hasMessageContaining("line 2")
                .hasMessageContaining("unknown key 'db-pool'");
    }

    @Test
    void aValueOfTheWrongKindIsRefusedNamingItsKeyAndLine() throws Exception {
        assertThatThrownBy(() -> ConfigFile.read(write("host: h\nport: many\n"), TenantryConfig.defaults()))
                .hasMessageContaining("line 2, port: a whole number is expected");
        assertThatThrownBy(() -> ConfigFile.read(write("log-format: xml\n"), TenantryConfig.defaults()))
                .hasMessageContaining("line 1, log-format")
                .hasMessageContaining("text or json");
        assertThatThrownBy(() -> ConfigFile.read(write("database: mysql://u:secret@h/db\n"), TenantryConfig.defaults()))
                .hasMessageContaining("line 1, database")
                .hasMessageNotContaining("secret");
    }

    @Test
    void serveRefusesABadFileBeforeStarting() throws Exception {
        Path file = write("prot: 9443\n");

        assertThat(TenantryCli.run(
                        Map.of(),
                        "serve",
                        "--config",
                        file.toString(),
                        "--data",
                        dir.resolve("d").toString()))
                .isEqualTo(2);
        assertThat(TenantryCli.run(
                        Map.of("TENANTRY_CONFIG", file.toString()),
                        "serve",
                        "--data",
                        dir.resolve("d").toString()))
                .isEqualTo(2);
        assertThat(dir.resolve("d")).doesNotExist();
    }

    private Path write(String yaml) throws Exception {
        Path file = Files.createTempFile(dir, "tenantry", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
