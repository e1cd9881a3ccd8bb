package dev.tenantry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.storage.DatabaseUrl;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void aPostgresqlUrlBecomesAJdbcUrlWithItsCredentialsApart() {
        DatabaseUrl url =
                DatabaseUrl.parse("postgresql://tenantry:p%40ss%3Aw0rd@db.example:5433/tenantry?sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/tenantry?sslmode=require");
        assertThat(url.user()).isEqualTo("tenantry");
        assertThat(url.password()).isEqualTo("p@ss:w0rd");
        assertThat(url.toString()).doesNotContain("w0rd");
    }

    @Test
    void aJdbcUrlIsKeptAndAnythingElseIsRefusedWithoutRepeatingIt() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h/db").jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:secret@h/db"))
                .hasMessageContaining("postgresql://")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:secret@h"))
                .hasMessageContaining("no database")
                .hasMessageNotContaining("secret");
    }

    @Test
    void tenantryDatabaseAndPoolSizeComeFromTheEnvironment() {
        TenantryConfig config = TenantryConfig.fromEnv(
                Map.of("TENANTRY_DATABASE", "postgres://app:pw@127.0.0.1:5432/dir", "TENANTRY_DB_POOL_SIZE", "40"));

        assertThat(config.effectiveJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/dir");
        assertThat(config.jdbcUser()).isEqualTo("app");
        assertThat(config.jdbcPassword()).isEqualTo("pw");
        assertThat(config.operations().dbPoolSize()).isEqualTo(40);
        assertThat(config.toString()).doesNotContain("pw,").contains("dbPoolSize=40");
    }

    @Test
    void h2StaysTheDefault() {
        TenantryConfig config = TenantryConfig.fromEnv(Map.of());

        assertThat(config.effectiveJdbcUrl()).startsWith("jdbc:h2:file:");
        assertThat(config.operations().dbPoolSize()).isEqualTo(Operations.DEFAULT_DB_POOL_SIZE);
    }

    @Test
    void aSettingThatCannotBeReadIsRefusedByName() {
        assertThatThrownBy(() -> TenantryConfig.fromEnv(Map.of("TENANTRY_DB_POOL_SIZE", "many")))
                .hasMessageContaining("TENANTRY_DB_POOL_SIZE");
        assertThatThrownBy(() -> TenantryConfig.fromEnv(Map.of("TENANTRY_DATABASE", "oracle://x")))
                .hasMessageContaining("TENANTRY_DATABASE");
    }
}
