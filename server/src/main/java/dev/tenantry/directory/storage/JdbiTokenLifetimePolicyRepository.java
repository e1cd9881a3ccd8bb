package dev.tenantry.directory.storage;

import dev.tenantry.directory.apps.TokenLifetimePolicy;
import dev.tenantry.directory.apps.TokenLifetimePolicyRepository;
import dev.tenantry.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Token lifetime policies in SQL ({@code token_lifetime_policy}, {@code application_token_lifetime_policy}). */
public final class JdbiTokenLifetimePolicyRepository implements TokenLifetimePolicyRepository {

    private static final String COLUMNS = "p.id, p.tenant_id, p.display_name, p.is_organization_default, p.definition,"
            + " p.access_token_lifetime_seconds";

    private final Jdbi jdbi;

    public JdbiTokenLifetimePolicyRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(TokenLifetimePolicy policy) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO token_lifetime_policy (id, tenant_id, display_name, is_organization_default,
                            definition, access_token_lifetime_seconds)
                        VALUES (:id, :tenantId, :displayName, :isOrganizationDefault, :definition, :seconds)
                        """)
                .bindMethods(policy)
                .bind("tenantId", policy.tenantId().value())
                .bind("seconds", policy.accessTokenLifetime().toSeconds())
                .execute());
    }

    @Override
    public boolean update(TokenLifetimePolicy policy) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                                UPDATE token_lifetime_policy SET display_name = :displayName,
                                    is_organization_default = :isOrganizationDefault, definition = :definition,
                                    access_token_lifetime_seconds = :seconds
                                WHERE tenant_id = :tenantId AND id = :id
                                """)
                        .bindMethods(policy)
                        .bind("tenantId", policy.tenantId().value())
                        .bind("seconds", policy.accessTokenLifetime().toSeconds())
                        .execute())
                > 0;
    }

    @Override
    public boolean delete(TenantId tenantId, UUID id) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                                "DELETE FROM token_lifetime_policy WHERE tenant_id = :tenantId AND id = :id")
                        .bind("tenantId", tenantId.value())
                        .bind("id", id)
                        .execute())
                > 0;
    }

    @Override
    public Optional<TokenLifetimePolicy> find(TenantId tenantId, UUID id) {
        return one("WHERE p.tenant_id = :tenantId AND p.id = :id", tenantId, "id", id);
    }

    @Override
    public List<TokenLifetimePolicy> list(TenantId tenantId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM token_lifetime_policy p WHERE p.tenant_id = :tenantId ORDER BY p.display_name, p.id")
                .bind("tenantId", tenantId.value())
                .map((rs, ctx) -> policy(rs))
                .list());
    }

    @Override
    public Optional<TokenLifetimePolicy> findOrganizationDefault(TenantId tenantId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM token_lifetime_policy p WHERE p.tenant_id = :tenantId"
                        + " AND p.is_organization_default ORDER BY p.id")
                .bind("tenantId", tenantId.value())
                .map((rs, ctx) -> policy(rs))
                .findFirst());
    }

    @Override
    public void assign(TenantId tenantId, UUID applicationId, UUID policyId) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("""
                            DELETE FROM application_token_lifetime_policy WHERE application_id = (
                                SELECT id FROM application WHERE tenant_id = :tenantId AND id = :applicationId)
                            """)
                    .bind("tenantId", tenantId.value())
                    .bind("applicationId", applicationId)
                    .execute();
            handle.createUpdate("""
                            INSERT INTO application_token_lifetime_policy (application_id, policy_id)
                            SELECT a.id, p.id FROM application a JOIN token_lifetime_policy p
                                ON p.tenant_id = a.tenant_id
                            WHERE a.tenant_id = :tenantId AND a.id = :applicationId AND p.id = :policyId
                            """)
                    .bind("tenantId", tenantId.value())
                    .bind("applicationId", applicationId)
                    .bind("policyId", policyId)
                    .execute();
        });
    }

    @Override
    public boolean unassign(TenantId tenantId, UUID applicationId, UUID policyId) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                                DELETE FROM application_token_lifetime_policy
                                WHERE application_id = :applicationId AND policy_id = :policyId
                                AND policy_id IN (SELECT id FROM token_lifetime_policy WHERE tenant_id = :tenantId)
                                """)
                        .bind("tenantId", tenantId.value())
                        .bind("applicationId", applicationId)
                        .bind("policyId", policyId)
                        .execute())
                > 0;
    }

    @Override
    public Optional<TokenLifetimePolicy> findAssigned(TenantId tenantId, UUID applicationId) {
        return one(
                "JOIN application_token_lifetime_policy a ON a.policy_id = p.id"
                        + " WHERE p.tenant_id = :tenantId AND a.application_id = :id",
                tenantId,
                "id",
                applicationId);
    }

    private Optional<TokenLifetimePolicy> one(String where, TenantId tenantId, String name, UUID value) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT " + COLUMNS + " FROM token_lifetime_policy p " + where)
                        .bind("tenantId", tenantId.value())
                        .bind(name, value)
                        .map((rs, ctx) -> policy(rs))
                        .findOne());
    }

    private static TokenLifetimePolicy policy(ResultSet rs) throws SQLException {
        return new TokenLifetimePolicy(
                rs.getObject("id", UUID.class),
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                rs.getString("display_name"),
                rs.getBoolean("is_organization_default"),
                rs.getString("definition"),
                Duration.ofSeconds(rs.getLong("access_token_lifetime_seconds")));
    }
}
