package dev.tenantry.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.app.TenantryApp;
import dev.tenantry.app.TenantryConfig;
import dev.tenantry.cli.TenantryCli;
import dev.tenantry.identity.SigningKey;
import dev.tenantry.identity.storage.JdbiSigningKeyRepository;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory and the secrets in it, as another local user or a stolen copy of the database would see them. */
class DataAtRestIT {

    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B =
            Base64.getEncoder().encodeToString("b".repeat(32).getBytes(StandardCharsets.US_ASCII));

    @TempDir
    Path temp;

    @Test
    @DisplayName("issue 7.4: the data directory is 0700 and every file in it 0600 after start, even if it was open")
    void dataDirectoryIsOwnerOnly() throws Exception {
        Path data = Files.createDirectory(
                temp.resolve("data"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path leftover = Files.writeString(data.resolve("tenantry.trace.db"), "an old trace\n");
        Files.setPosixFilePermissions(leftover, PosixFilePermissions.fromString("rw-r--r--"));

        try (TenantryApp app = TenantryApp.start(config(data))) {
            assertThat(app.port()).isPositive();
            assertOwnerOnly(data);
        }
        assertThat(data.resolve("tenantry.mv.db")).exists();
        assertThat(data.resolve("keys").resolve("master.key")).exists();
        assertThat(data.resolve("tls").resolve("server.key")).exists();
        assertOwnerOnly(data);
    }

    @Test
    @DisplayName("issue 7.4: the signing key column holds AES-GCM ciphertext, never the PKCS#8 key")
    void signingKeyIsEncryptedInTheDatabase() throws Exception {
        Path data = temp.resolve("data");
        TenantryApp.start(config(data)).close();

        SigningKey key = decryptedKeys(data, MasterKey.load(data.resolve("keys/master.key"), null))
                .get(0);
        String stored = column(data, "SELECT private_der FROM signing_key");
        assertThat(stored)
                .startsWith("aesgcm1:")
                .doesNotContain(key.privateDer().substring(0, 64));
        assertThat(column(data, "SELECT secret_value FROM server_secret WHERE name = 'signing_key.first'"))
                .startsWith("aesgcm1:");
        byte[] file = Files.readAllBytes(data.resolve("tenantry.mv.db"));
        assertThat(new String(file, StandardCharsets.ISO_8859_1))
                .doesNotContain(key.privateDer().substring(0, 64));
    }

    @Test
    @DisplayName("issue 7.4: plaintext signing keys and secrets of an older database are encrypted at start")
    void plaintextKeysOfAnOlderDatabaseAreEncryptedAtStart() throws Exception {
        Path data = temp.resolve("data");
        try (TenantryApp app = TenantryApp.start(config(data))) {
            app.services().pageTokens().seal("users", "k"); // creates the page-token secret
        }
        MasterKey masterKey = MasterKey.load(data.resolve("keys/master.key"), null);
        SigningKey key = decryptedKeys(data, masterKey).get(0);
        try (Database database = open(data)) { // what a version without encryption at rest stored
            database.jdbi().useHandle(handle -> {
                handle.execute("UPDATE signing_key SET private_der = ?", key.privateDer());
                handle.execute("UPDATE server_secret SET secret_value = 'cGxhaW4='");
            });
        }

        try (TenantryApp app = TenantryApp.start(config(data))) {
            assertThat(app.services().signingKeys().currentKid()).isEqualTo(key.kid());
        }
        assertThat(column(data, "SELECT private_der FROM signing_key")).startsWith("aesgcm1:");
        try (Database database = open(data)) {
            List<String> secrets = database.jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT secret_value FROM server_secret")
                            .mapTo(String.class)
                            .list());
            assertThat(secrets).hasSize(2).allSatisfy(value -> assertThat(value).startsWith("aesgcm1:"));
        }
        assertThat(decryptedKeys(data, masterKey)).containsExactly(key);
    }

    @Test
    @DisplayName("issue 7.4: a server given the wrong master key refuses to start and says why")
    void wrongMasterKeyRefusesToStart() throws Exception {
        Path data = temp.resolve("data");
        TenantryApp.start(config(data).withMasterKey(KEY_A)).close();
        assertThat(data.resolve("keys")).doesNotExist(); // the environment's key is never written to disk

        assertThatThrownBy(() -> TenantryApp.start(config(data).withMasterKey(KEY_B)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the master key from TENANTRY_MASTER_KEY does not decrypt signing_key/")
                .hasMessageContaining("Start with the key it was created with");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = TenantryCli.run(
                    Map.of("TENANTRY_MASTER_KEY", KEY_B), "serve", "--data", data.toString(), "--port", "0");
        } finally {
            System.setErr(original);
        }
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("Tenantry cannot start: the master key from TENANTRY_MASTER_KEY does not decrypt");
    }

    @Test
    @DisplayName("issue 7.4: a master key that is not 32 bytes of base64 is refused with how to make one")
    void malformedMasterKeyIsRefused() {
        assertThatThrownBy(() -> TenantryApp.start(config(temp.resolve("data")).withMasterKey("c2hvcnQ=")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is 5 bytes; it must be 32 bytes in base64")
                .hasMessageContaining("openssl rand -base64 32");
    }

    private static TenantryConfig config(Path data) {
        return TenantryConfig.defaults().withPort(0).withDataDir(data);
    }

    private static Database open(Path data) {
        return Database.open(config(data).effectiveJdbcUrl(), "sa", "");
    }

    private static List<SigningKey> decryptedKeys(Path data, MasterKey masterKey) {
        try (Database database = open(data)) {
            return new JdbiSigningKeyRepository(database.jdbi(), masterKey).all();
        }
    }

    private static String column(Path data, String sql) {
        try (Database database = open(data)) {
            Jdbi jdbi = database.jdbi();
            return jdbi.withHandle(
                    handle -> handle.createQuery(sql).mapTo(String.class).one());
        }
    }

    private static void assertOwnerOnly(Path data) throws Exception {
        try (Stream<Path> paths = Files.walk(data)) {
            for (Path path : paths.toList()) {
                String mode =
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
                assertThat(mode)
                        .as(data.relativize(path).toString())
                        .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
            }
        }
    }
}
