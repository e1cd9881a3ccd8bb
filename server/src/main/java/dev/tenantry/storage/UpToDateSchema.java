package dev.tenantry.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Whether a database's schema history already lists exactly the migrations this server carries, each applied with
 * success and the same checksum: then Flyway would find nothing to apply and nothing to refuse, and a start need not
 * load it (issue 13: Flyway's start-up and validation were a fifth of a start's time, and it brings Jackson 3, some 900
 * classes in all). Anything else — a pending, failed, changed or unknown migration, a baseline, a history this check
 * does not read the way Flyway writes it here, migrations in more than one place — answers false, and Flyway runs as
 * before and says what is wrong.
 */
final class UpToDateSchema {

    static final String LOCATION = "db/migration";

    /** Flyway's versioned SQL migration names: {@code V<version>__<description>.sql}, version parts joined by '_'. */
    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__(.+)\\.sql");

    /** History rows Flyway writes that are no migration: the history table or the schema it created. */
    private static final Set<String> MARKERS = Set.of("TABLE", "SCHEMA");

    private UpToDateSchema() {}

    static boolean check(DataSource dataSource) {
        Map<String, Migration> carried = carried();
        if (carried.isEmpty()) {
            return false;
        }
        Map<String, Migration> applied = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT \"version\", \"description\", \"type\", \"script\","
                        + " \"checksum\", \"success\" FROM \"flyway_schema_history\"")) {
            while (rows.next()) {
                String type = rows.getString("type");
                if (!rows.getBoolean("success")) {
                    return false;
                }
                if (MARKERS.contains(type) && rows.getString("version") == null) {
                    continue;
                }
                int checksum = rows.getInt("checksum");
                if (!"SQL".equals(type) || rows.wasNull()) {
                    return false;
                }
                Migration migration = new Migration(
                        rows.getString("version"), rows.getString("description"), rows.getString("script"), checksum);
                if (applied.put(migration.version(), migration) != null) {
                    return false;
                }
            }
        } catch (SQLException e) {
            return false; // no history yet (a new database), or one this check cannot read: Flyway decides
        }
        return applied.equals(carried);
    }

    /** The versioned migrations on the class path, by version; empty when they cannot all be read as Flyway does. */
    static Map<String, Migration> carried() {
        try {
            List<URL> locations =
                    Collections.list(UpToDateSchema.class.getClassLoader().getResources(LOCATION));
            if (locations.size() != 1) {
                return Map.of();
            }
            Map<String, Migration> found = new HashMap<>();
            URL location = locations.get(0);
            if (location.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) location.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    for (JarEntry entry : Collections.list(jar.entries())) {
                        String name = entry.getName();
                        if (name.startsWith(LOCATION + "/") && !entry.isDirectory()) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                if (!add(found, name.substring(LOCATION.length() + 1), in)) {
                                    return Map.of();
                                }
                            }
                        }
                    }
                }
            } else if (location.getProtocol().equals("file")) {
                Path directory = Path.of(location.toURI());
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        try (InputStream in = Files.newInputStream(file)) {
                            if (!add(found, directory.relativize(file).toString(), in)) {
                                return Map.of();
                            }
                        }
                    }
                }
            } else {
                return Map.of();
            }
            return found;
        } catch (IOException | URISyntaxException | UncheckedIOException e) {
            return Map.of();
        }
    }

    private static boolean add(Map<String, Migration> found, String name, InputStream content) throws IOException {
        Matcher versioned = VERSIONED.matcher(name);
        if (!versioned.matches()) {
            return false; // a repeatable or callback script, a subdirectory, another file: Flyway's business
        }
        String version = versioned.group(1).replace('_', '.');
        Migration migration = new Migration(version, versioned.group(2).replace('_', ' '), name, checksum(content));
        return found.put(version, migration) == null;
    }

    /** Flyway's checksum of a SQL migration: CRC32 of each line's UTF-8 bytes, without line ends and the BOM. */
    static int checksum(InputStream content) throws IOException {
        CRC32 crc = new CRC32();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8), 4096)) {
            String line = reader.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            while (line != null) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
                line = reader.readLine();
            }
        }
        return (int) crc.getValue();
    }

    /** One versioned migration as its history row records it. */
    record Migration(String version, String description, String script, int checksum) {}
}
