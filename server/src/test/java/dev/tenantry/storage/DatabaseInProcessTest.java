package dev.tenantry.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseInProcessTest {

    @Test
    @DisplayName("issue 13: an embedded H2 database runs in this process (one CPU slot per core)")
    void embeddedH2IsInProcess(@TempDir Path dir) {
        Database database = Database.open(Database.h2FileUrl(dir.resolve("db")), "sa", "");
        try {
            assertThat(database.inProcess()).isTrue();
        } finally {
            database.close();
        }
    }

    @Test
    @DisplayName("issue 13: PostgreSQL is across the network (two CPU slots per core), whatever the URL's case")
    void postgresIsNot() {
        assertThat(Database.inProcess("jdbc:postgresql://db.internal:5432/tenantry"))
                .isFalse();
        assertThat(Database.inProcess("JDBC:H2:mem:x")).isTrue();
    }
}
