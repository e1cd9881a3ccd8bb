package dev.tenantry.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the embedded H2 file is written: each commit before it returns, old chunks reused soon, forced to disk. */
class EmbeddedFileSettingsTest {

    @Test
    @DisplayName("issue 13: an H2 file URL gets WRITE_DELAY=0 and a 2 s RETENTION_TIME unless it sets them; others"
            + " are left as they are")
    void durableSettings() {
        assertThat(Database.durable("jdbc:h2:file:/data/tenantry"))
                .isEqualTo("jdbc:h2:file:/data/tenantry;WRITE_DELAY=0;RETENTION_TIME=2000");
        assertThat(Database.durable("jdbc:h2:file:/data/tenantry;RETENTION_TIME=45000"))
                .isEqualTo("jdbc:h2:file:/data/tenantry;RETENTION_TIME=45000;WRITE_DELAY=0");
        assertThat(Database.durable("jdbc:h2:file:/data/tenantry;write_delay=500"))
                .isEqualTo("jdbc:h2:file:/data/tenantry;write_delay=500;RETENTION_TIME=2000");
        assertThat(Database.durable("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        assertThat(Database.durable("jdbc:postgresql://db/tenantry")).isEqualTo("jdbc:postgresql://db/tenantry");
    }

    @Test
    @DisplayName("issue 13: the embedded file runs with that retention, and forcing it to disk works as its user")
    void retentionAndSync(@TempDir Path dir) {
        Database database = Database.open(Database.h2FileUrl(dir.resolve("db")), "sa", "");
        try {
            String retention = database.jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                                    + " WHERE SETTING_NAME = 'RETENTION_TIME'")
                            .mapTo(String.class)
                            .one());
            assertThat(retention).isEqualTo("2000");

            assertThat(database.sync())
                    .as("CHECKPOINT SYNC accepted from the server's own user")
                    .isTrue();
        } finally {
            database.close();
        }
    }
}
