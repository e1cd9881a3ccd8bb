package dev.tenantry.app;

import dev.tenantry.identity.SigningKeys;
import dev.tenantry.identity.storage.JdbiSigningKeyRepository;
import dev.tenantry.storage.DataDirectory;
import dev.tenantry.storage.Database;
import dev.tenantry.storage.MasterKey;
import java.nio.file.Files;
import java.time.Clock;
import java.util.function.Function;

/**
 * Opens a server's database for the signing-key commands ({@code tenantry keys …}) without serving: the same
 * {@link SigningKeys} the server builds, over the same store and master key.
 */
public final class SigningKeyAccess {

    private SigningKeyAccess() {}

    /**
     * Runs {@code use} on the signing keys of the database {@code config} names, then closes it. An embedded database
     * that does not exist yet is an {@link IllegalStateException} (nothing is created); one a running server holds open
     * fails to open.
     */
    public static <T> T with(TenantryConfig config, Function<SigningKeys, T> use) {
        boolean embedded = config.jdbcUrl() == null || config.jdbcUrl().isBlank();
        if (embedded && !Files.exists(config.dataDir().resolve("tenantry.mv.db"))) {
            throw new IllegalStateException(
                    "there is no Tenantry database in " + config.dataDir().toAbsolutePath()
                            + "; start the server once, or pass the --data directory it uses");
        }
        DataDirectory.secure(config.dataDir());
        MasterKey masterKey = MasterKey.load(config.masterKeyFile(), config.masterKey());
        try (Database database = Database.open(config.effectiveJdbcUrl(), config.jdbcUser(), config.jdbcPassword())) {
            JdbiSigningKeyRepository repository = new JdbiSigningKeyRepository(database.jdbi(), masterKey);
            repository.sealPlaintext();
            return use.apply(SigningKeys.loadOrCreate(repository, Clock.systemUTC()));
        }
    }
}
