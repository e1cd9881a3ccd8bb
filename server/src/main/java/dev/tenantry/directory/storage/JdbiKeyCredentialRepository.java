package dev.tenantry.directory.storage;

import dev.tenantry.directory.apps.KeyCredential;
import dev.tenantry.directory.apps.KeyCredentialError;
import dev.tenantry.directory.apps.KeyCredentialRepository;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.storage.SqlStates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Certificates of app registrations in SQL ({@code application_key_credential}). */
public final class JdbiKeyCredentialRepository implements KeyCredentialRepository {

    private final Jdbi jdbi;

    public JdbiKeyCredentialRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(UUID applicationId, KeyCredential key) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate("""
                            INSERT INTO application_key_credential (key_id, application_id, display_name,
                                thumbprint_sha1, thumbprint_sha256, certificate_der, start_at, end_at)
                            VALUES (:keyId, :applicationId, :displayName, :sha1, :sha256, :der, :startAt, :endAt)
                            """)
                    .bind("keyId", key.keyId())
                    .bind("applicationId", applicationId)
                    .bind("displayName", key.displayName())
                    .bind("sha1", key.thumbprintSha1())
                    .bind("sha256", key.thumbprintSha256())
                    .bind("der", key.certificate())
                    .bind("startAt", key.startDateTime())
                    .bind("endAt", key.endDateTime())
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw new ConflictException(
                        KeyCredentialError.DUPLICATE_KEY_CREDENTIAL,
                        "The application already has a key credential with keyId '" + key.keyId() + "'.");
            }
            throw e;
        }
    }

    @Override
    public List<KeyCredential> list(UUID applicationId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT key_id, display_name, thumbprint_sha1, thumbprint_sha256, certificate_der, start_at,
                            end_at
                        FROM application_key_credential WHERE application_id = :applicationId
                        ORDER BY start_at, key_id
                        """)
                .bind("applicationId", applicationId)
                .map((rs, ctx) -> new KeyCredential(
                        rs.getObject("key_id", UUID.class),
                        rs.getString("display_name"),
                        rs.getString("thumbprint_sha1"),
                        rs.getString("thumbprint_sha256"),
                        rs.getString("certificate_der"),
                        instant(rs, "start_at", ctx),
                        instant(rs, "end_at", ctx)))
                .list());
    }

    @Override
    public boolean delete(UUID applicationId, UUID keyId) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                                "DELETE FROM application_key_credential WHERE application_id = :applicationId"
                                        + " AND key_id = :keyId")
                        .bind("applicationId", applicationId)
                        .bind("keyId", keyId)
                        .execute())
                > 0;
    }

    private static Instant instant(ResultSet rs, String column, StatementContext ctx) throws SQLException {
        return ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, column, ctx);
    }
}
