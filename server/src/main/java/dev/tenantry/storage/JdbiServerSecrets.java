package dev.tenantry.storage;

import dev.tenantry.shared.ServerSecrets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Server secrets in table {@code server_secret}: insert-or-read, so a race between nodes keeps the first value. */
public final class JdbiServerSecrets implements ServerSecrets {

    private static final String SELECT = "SELECT secret_value FROM server_secret WHERE name = :name";

    private static final String INSERT = """
            INSERT INTO server_secret (name, secret_value, created_at)
            VALUES (:name, :value, :createdAt)
            """;

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public JdbiServerSecrets(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public byte[] secret(String name) {
        return find(name).orElseGet(() -> create(name));
    }

    private byte[] create(String name) {
        byte[] value = new byte[32];
        random.nextBytes(value);
        try {
            jdbi.useHandle(handle -> handle.createUpdate(INSERT)
                    .bind("name", name)
                    .bind("value", Base64.getEncoder().encodeToString(value))
                    .bind("createdAt", clock.instant())
                    .execute());
            return value;
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isUniqueViolation(e)) {
                // another request or node stored it first: use theirs
                return find(name).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private Optional<byte[]> find(String name) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT)
                .bind("name", name)
                .mapTo(String.class)
                .findOne()
                .map(Base64.getDecoder()::decode));
    }
}
