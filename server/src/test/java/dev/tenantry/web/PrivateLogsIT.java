package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tenantry.storage.Database;
import dev.tenantry.testing.RunningServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Issue 7 (low): no personal data in the request log or in H2's trace file. */
class PrivateLogsIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    @Test
    @DisplayName("issue 7 (low): the request log names the route template, never a user name in the path")
    void requestLogHasNoUserNames() throws Exception {
        Logger requests = (Logger) LoggerFactory.getLogger("dev.tenantry.requests");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        requests.addAppender(captured);
        try {
            server.get("/common/userrealm/kelley.wall@contoso.example?api-version=1.0");
            server.get("/v1.0/users/kelley.wall@contoso.example");
            server.get("/no/such/page/kelley.wall@contoso.example");
        } finally {
            requests.detachAppender(captured);
        }

        List<String> lines =
                captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3).noneMatch(line -> line.contains("kelley"));
        assertThat(lines).anyMatch(line -> line.contains("/v1.0/users/{"));
    }

    @Test
    @DisplayName("issue 7 (low): a failing statement leaves no trace file with its bound values")
    void noTraceFile(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("traced") + ";MODE=PostgreSQL";
        Database database = Database.open(url, "sa", "");
        try {
            database.jdbi().useHandle(handle -> {
                handle.execute("CREATE TABLE person (email VARCHAR(8))");
                try {
                    handle.createUpdate("INSERT INTO person VALUES (:email)")
                            .bind("email", "kelley.wall@contoso.example")
                            .execute();
                } catch (RuntimeException expected) {
                    // too long for the column
                }
            });
        } finally {
            database.close();
        }

        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(file -> read(file)))
                    .noneMatch(text -> text.contains("kelley.wall"));
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
