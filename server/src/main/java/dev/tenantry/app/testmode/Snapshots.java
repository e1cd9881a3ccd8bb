package dev.tenantry.app.testmode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Named snapshots of a test-mode server's in-memory H2 database (issue 14): H2's {@code SCRIPT} writes the whole
 * database to a compressed temporary file; a restore drops every object and runs it back ({@code RUNSCRIPT}). The
 * snapshot {@value #SEED} is taken right after the seed is loaded, and a reset restores it.
 */
public final class Snapshots {

    public static final String SEED = "seed";

    private final Jdbi jdbi;
    private final Path directory;
    private final Map<String, Path> taken = new ConcurrentHashMap<>();

    public Snapshots(Jdbi jdbi) {
        this.jdbi = jdbi;
        try {
            this.directory = Files.createTempDirectory("tenantry-snapshots");
            directory.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void take(String name) {
        requireName(name);
        Path file = directory.resolve(name + ".sql.gz");
        file.toFile().deleteOnExit();
        jdbi.useHandle(
                handle -> handle.execute("SCRIPT NOPASSWORDS NOSETTINGS TO '" + literal(file) + "' COMPRESSION GZIP"));
        taken.put(name, file);
    }

    public synchronized void restore(String name) {
        Path file = taken.get(name);
        if (file == null) {
            throw new IllegalArgumentException("no snapshot named '" + name + "'; taken: " + taken.keySet());
        }
        jdbi.useHandle(handle -> {
            handle.execute("DROP ALL OBJECTS");
            handle.execute("RUNSCRIPT FROM '" + literal(file) + "' COMPRESSION GZIP");
        });
    }

    /** Registers {@code file}, a script another server of this JVM took, as the snapshot {@code name}. */
    void adopt(String name, Path file) {
        taken.put(name, file);
    }

    Path file(String name) {
        return taken.get(name);
    }

    /** Runs a snapshot's script into the (new, empty) database at {@code jdbcUrl}, before anything else opens it. */
    static void runScript(String jdbcUrl, Path file) {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(jdbcUrl, "sa", "");
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("RUNSCRIPT FROM '" + literal(file) + "' COMPRESSION GZIP");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot copy the seeded database from " + file, e);
        }
    }

    public boolean has(String name) {
        return taken.containsKey(name);
    }

    private static void requireName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("a snapshot name is 1 to 64 letters, digits, '-' or '_'");
        }
    }

    private static String literal(Path file) {
        return file.toAbsolutePath().toString().replace("'", "''");
    }
}
