package dev.tenantry.access.storage;

import dev.tenantry.access.AccessError;
import dev.tenantry.access.PrincipalType;
import dev.tenantry.access.RoleAssignment;
import dev.tenantry.access.RoleAssignmentRepository;
import dev.tenantry.access.RoleDefinition;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.storage.SqlStates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Cloud role assignments in SQL. */
public final class JdbiRoleAssignmentRepository implements RoleAssignmentRepository {

    private static final String COLUMNS = "id, tenant_id, subscription_id, role_definition_id, principal_id,"
            + " principal_type, created_by, created_at";

    private static final String INSERT = """
            INSERT INTO role_assignment (id, tenant_id, scope, subscription_id, role_definition_id, principal_id,
                principal_type, created_by, created_at)
            VALUES (:id, :tenantId, :scope, :subscriptionId, :roleId, :principalId, :principalType, CAST(:createdBy AS UUID),
                :createdAt)
            """;

    private final Jdbi jdbi;

    public JdbiRoleAssignmentRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(RoleAssignment assignment) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate(INSERT)
                    .bind("id", assignment.id())
                    .bind("tenantId", assignment.tenantId().value())
                    .bind("scope", assignment.scope())
                    .bind("subscriptionId", assignment.subscriptionId())
                    .bind("roleId", assignment.role().id())
                    .bind("principalId", assignment.principalId())
                    .bind("principalType", assignment.principalType().name())
                    .bind("createdBy", assignment.createdBy())
                    .bind("createdAt", assignment.createdAt())
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw new ConflictException(
                        AccessError.ROLE_ASSIGNMENT_EXISTS,
                        "The principal already holds " + assignment.role().roleName() + " at " + assignment.scope()
                                + ".");
            }
            throw e;
        }
    }

    @Override
    public Optional<RoleAssignment> findById(UUID subscriptionId, UUID id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM role_assignment WHERE subscription_id = :subscriptionId AND id = :id")
                .bind("subscriptionId", subscriptionId)
                .bind("id", id)
                .map(JdbiRoleAssignmentRepository::toAssignment)
                .findOne());
    }

    @Override
    public List<RoleAssignment> bySubscription(UUID subscriptionId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM role_assignment WHERE subscription_id = :subscriptionId ORDER BY id")
                .bind("subscriptionId", subscriptionId)
                .map(JdbiRoleAssignmentRepository::toAssignment)
                .list());
    }

    @Override
    public List<RoleAssignment> byPrincipal(UUID principalId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM role_assignment WHERE principal_id = :principalId ORDER BY id")
                .bind("principalId", principalId)
                .map(JdbiRoleAssignmentRepository::toAssignment)
                .list());
    }

    @Override
    public boolean delete(UUID subscriptionId, UUID id) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                                "DELETE FROM role_assignment WHERE subscription_id = :subscriptionId AND id = :id")
                        .bind("subscriptionId", subscriptionId)
                        .bind("id", id)
                        .execute())
                > 0;
    }

    @Override
    public int deleteBySubscription(UUID subscriptionId) {
        return jdbi.withHandle(
                handle -> handle.createUpdate("DELETE FROM role_assignment WHERE subscription_id = :subscriptionId")
                        .bind("subscriptionId", subscriptionId)
                        .execute());
    }

    @Override
    public void lockSubscription(UUID subscriptionId) {
        // the subscription's row, not its assignments: FOR UPDATE on rows another transaction deletes behaves
        // differently on H2 and PostgreSQL, a parent row that stays is locked alike on both
        jdbi.useHandle(handle -> handle.createQuery("SELECT id FROM cloud_subscription WHERE id = :id FOR UPDATE")
                .bind("id", subscriptionId)
                .mapTo(UUID.class)
                .findOne());
    }

    private static RoleAssignment toAssignment(ResultSet rs, StatementContext ctx) throws SQLException {
        UUID roleId = rs.getObject("role_definition_id", UUID.class);
        return new RoleAssignment(
                rs.getObject("id", UUID.class),
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                rs.getObject("subscription_id", UUID.class),
                RoleDefinition.byId(roleId).orElseThrow(() -> new IllegalStateException("unknown role " + roleId)),
                rs.getObject("principal_id", UUID.class),
                PrincipalType.valueOf(rs.getString("principal_type")),
                rs.getObject("created_by", UUID.class),
                ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "created_at", ctx));
    }
}
