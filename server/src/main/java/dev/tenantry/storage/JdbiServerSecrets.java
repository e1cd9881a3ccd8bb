package dev.tenantry.storage;

import dev.tenantry.shared.ServerSecrets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Server secrets in SQL, encrypted with the {@link MasterKey}: insert-or-read, so two nodes starting at once agree on
 * one value. Cached once read.
 */
public final class JdbiServerSecrets implements ServerSecrets {

    private final Jdbi jdbi;
    private final MasterKey masterKey;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentMap<String, byte[]> cache = new ConcurrentHashMap<>();

    public JdbiServerSecrets(Jdbi jdbi, MasterKey masterKey) {
        this.jdbi = jdbi;
        this.masterKey = masterKey;
    }

    /** The associated data that binds a sealed {@code server_secret} value to its row. */
    public static String context(String name) {
        return "server_secret/" + name;
    }

    /** Encrypts the values an older version stored in plaintext; returns how many there were. */
    public int sealPlaintext() {
        return PlaintextSecrets.encrypt(
                jdbi, masterKey, "server_secret", "name", "secret_value", JdbiServerSecrets::context);
    }

    @Override
    public byte[] getOrCreate(String name, int bytes) {
        return cache.computeIfAbsent(name, key -> read(key).orElseGet(() -> create(key, bytes)))
                .clone();
    }

    private Optional<byte[]> read(String name) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT secret_value FROM server_secret WHERE name = :name")
                .bind("name", name)
                .mapTo(String.class)
                .findOne()
                .map(stored -> Base64.getDecoder().decode(masterKey.open(stored, context(name)))));
    }

    private byte[] create(String name, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        try {
            jdbi.useHandle(handle -> handle.createUpdate(
                            "INSERT INTO server_secret (name, secret_value, created_at) VALUES (:name, :value, :now)")
                    .bind("name", name)
                    .bind("value", masterKey.seal(Base64.getEncoder().encodeToString(value), context(name)))
                    .bind("now", Instant.now())
                    .execute());
            return value;
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isUniqueViolation(e)) {
                return read(name).orElseThrow(() -> e);
            }
            throw e;
        }
    }
}
