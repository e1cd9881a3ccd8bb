package dev.tenantry.directory.storage;

import dev.tenantry.directory.apps.FederatedCredentialError;
import dev.tenantry.directory.apps.FederatedIdentityCredential;
import dev.tenantry.directory.apps.KeyCredential;
import dev.tenantry.directory.apps.KeyCredentialError;
import dev.tenantry.directory.apps.KeyCredentialRepository;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.storage.SqlStates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Certificates ({@code application_key_credential}) and federated identity credentials
 * ({@code application_federated_credential}) of app registrations in SQL.
 */
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

    @Override
    public void insertFederated(UUID applicationId, FederatedIdentityCredential credential) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate("""
                            INSERT INTO application_federated_credential (id, application_id, name, name_key, issuer,
                                subject, issuer_subject_key, audience, description)
                            VALUES (:id, :applicationId, :name, :nameKey, :issuer, :subject, :issuerSubjectKey,
                                :audience, :description)
                            """)
                    .bind("name", credential.name())
                    .bind("nameKey", credential.nameKey())
                    .bindMap(federatedParameters(applicationId, credential))
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            throw federatedConflict(e, credential);
        }
    }

    @Override
    public List<FederatedIdentityCredential> federated(UUID applicationId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, name, issuer, subject, audience, description
                        FROM application_federated_credential WHERE application_id = :applicationId
                        ORDER BY name_key, id
                        """)
                .bind("applicationId", applicationId)
                .map((rs, ctx) -> new FederatedIdentityCredential(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("issuer"),
                        rs.getString("subject"),
                        List.of(rs.getString("audience")),
                        rs.getString("description")))
                .list());
    }

    @Override
    public boolean updateFederated(UUID applicationId, FederatedIdentityCredential credential) {
        try {
            return jdbi.withHandle(handle -> handle.createUpdate("""
                                    UPDATE application_federated_credential SET issuer = :issuer, subject = :subject,
                                        issuer_subject_key = :issuerSubjectKey, audience = :audience,
                                        description = :description
                                    WHERE application_id = :applicationId AND id = :id
                                    """)
                            .bindMap(federatedParameters(applicationId, credential))
                            .execute())
                    > 0;
        } catch (UnableToExecuteStatementException e) {
            throw federatedConflict(e, credential);
        }
    }

    @Override
    public boolean deleteFederated(UUID applicationId, UUID id) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                                "DELETE FROM application_federated_credential WHERE application_id = :applicationId"
                                        + " AND id = :id")
                        .bind("applicationId", applicationId)
                        .bind("id", id)
                        .execute())
                > 0;
    }

    @Override
    public void lockApplication(UUID applicationId) {
        jdbi.useHandle(handle -> handle.createQuery("SELECT id FROM application WHERE id = :id FOR UPDATE")
                .bind("id", applicationId)
                .mapTo(UUID.class)
                .findOne());
    }

    /** The parameters insert and update share; the description may be null. */
    private static Map<String, Object> federatedParameters(UUID applicationId, FederatedIdentityCredential credential) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", credential.id());
        parameters.put("applicationId", applicationId);
        parameters.put("issuer", credential.issuer());
        parameters.put("subject", credential.subject());
        parameters.put("issuerSubjectKey", credential.issuerSubjectKey());
        parameters.put("audience", audience(credential));
        parameters.put("description", credential.description());
        return parameters;
    }

    private static String audience(FederatedIdentityCredential credential) {
        if (credential.audiences().size() != 1) {
            throw new IllegalArgumentException("a federated identity credential has exactly one audience");
        }
        return credential.audiences().getFirst();
    }

    private static RuntimeException federatedConflict(
            UnableToExecuteStatementException e, FederatedIdentityCredential credential) {
        if (SqlStates.isUniqueViolation(e)) {
            return new ConflictException(
                    FederatedCredentialError.DUPLICATE_FEDERATED_CREDENTIAL,
                    "The application already has a federated identity credential named '" + credential.name()
                            + "' or one with the same issuer and subject.");
        }
        return e;
    }

    private static Instant instant(ResultSet rs, String column, StatementContext ctx) throws SQLException {
        return ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, column, ctx);
    }
}
