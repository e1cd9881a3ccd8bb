package dev.tenantry.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** A start skips Flyway only when it would have nothing to do (issue 13); otherwise Flyway runs and decides. */
class UpToDateSchemaTest {

    private final String url = Database.h2MemoryUrl("up-to-date-" + UUID.randomUUID());

    @Test
    void theMigrationsCarriedAreWhatFlywayResolvesWithFlywaysChecksums() {
        Map<String, UpToDateSchema.Migration> carried = UpToDateSchema.carried();
        Map<String, UpToDateSchema.Migration> flyway = Arrays.stream(Flyway.configure()
                        .dataSource(dataSource())
                        .locations("classpath:" + UpToDateSchema.LOCATION)
                        .placeholders(Database.placeholders(url))
                        .load()
                        .info()
                        .all())
                .map(info -> new UpToDateSchema.Migration(
                        info.getVersion().getVersion(), info.getDescription(), info.getScript(), info.getChecksum()))
                .collect(Collectors.toMap(UpToDateSchema.Migration::version, migration -> migration));
        assertThat(carried).isNotEmpty().isEqualTo(flyway);
    }

    @Test
    void aNewDatabaseIsNotUpToDateAndFlywayMigratesIt() {
        assertThat(UpToDateSchema.check(dataSource())).isFalse();
        try (Database database = Database.open(url, "sa", "")) {
            assertThat(database.ready()).isTrue();
        }
        assertThat(UpToDateSchema.check(dataSource())).isTrue();
    }

    @Test
    void aMigratedDatabaseOpensWithoutFlywayAndIsReady() {
        Database.open(url, "sa", "").close();
        try (Database database = Database.open(url, "sa", "")) {
            assertThat(database.ready()).isTrue();
        }
    }

    @Test
    void aChangedMigrationIsStillRefusedByFlywaysValidation() throws SQLException {
        Database.open(url, "sa", "").close();
        execute("UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '1'");
        assertThat(UpToDateSchema.check(dataSource())).isFalse();
        assertThatThrownBy(() -> Database.open(url, "sa", "").close())
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void aFailedOrMissingMigrationIsNotUpToDate() throws SQLException {
        Database.open(url, "sa", "").close();
        execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '2'");
        assertThat(UpToDateSchema.check(dataSource())).isFalse();
        execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '2'");
        assertThat(UpToDateSchema.check(dataSource())).isFalse();
    }

    @Test
    void checksumsIgnoreLineEndsAndTheByteOrderMark() throws Exception {
        int unix = UpToDateSchema.checksum(stream("CREATE TABLE a (x INT);\nSELECT 1;\n"));
        assertThat(UpToDateSchema.checksum(stream("\uFEFFCREATE TABLE a (x INT);\r\nSELECT 1;")))
                .isEqualTo(unix);
        assertThat(UpToDateSchema.checksum(stream("CREATE TABLE a (x INT);\nSELECT 2;\n")))
                .isNotEqualTo(unix);
    }

    private static java.io.InputStream stream(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private JdbcDataSource dataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        return dataSource;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
