package dev.tenantry.identity.storage;

import dev.tenantry.identity.ClientAssertionReplays;
import dev.tenantry.storage.SqlStates;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Used client assertion ids in SQL ({@code client_assertion_jti}); the primary key refuses the second use. */
public final class JdbiClientAssertionReplays implements ClientAssertionReplays {

    private final Jdbi jdbi;

    public JdbiClientAssertionReplays(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean firstUse(String jtiHash, Instant expiresAt, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM client_assertion_jti WHERE expires_at <= :now")
                .bind("now", now)
                .execute());
        try {
            jdbi.useHandle(handle -> handle.createUpdate(
                            "INSERT INTO client_assertion_jti (jti_hash, expires_at) VALUES (:hash, :expiresAt)")
                    .bind("hash", jtiHash)
                    .bind("expiresAt", expiresAt)
                    .execute());
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }
}
