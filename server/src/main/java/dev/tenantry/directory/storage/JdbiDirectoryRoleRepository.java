package dev.tenantry.directory.storage;

import dev.tenantry.directory.DirectoryRole;
import dev.tenantry.directory.DirectoryRoleRepository;
import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import dev.tenantry.storage.SqlStates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Activated directory roles and their members in SQL. */
public final class JdbiDirectoryRoleRepository implements DirectoryRoleRepository {

    private final Jdbi jdbi;

    public JdbiDirectoryRoleRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public DirectoryRole activate(TenantId tenantId, DirectoryRoleTemplate template) {
        Optional<DirectoryRole> existing = find(tenantId, template);
        if (existing.isPresent()) {
            return existing.get();
        }
        DirectoryRole role = new DirectoryRole(UUID.randomUUID(), tenantId, template);
        try {
            jdbi.useHandle(handle -> handle.createUpdate(
                            "INSERT INTO directory_role (id, tenant_id, role_template_id) VALUES (:id, :tenantId, :template)")
                    .bind("id", role.id())
                    .bind("tenantId", tenantId.value())
                    .bind("template", template.templateId())
                    .execute());
            return role;
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isUniqueViolation(e)) {
                return find(tenantId, template).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private Optional<DirectoryRole> find(TenantId tenantId, DirectoryRoleTemplate template) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, tenant_id, role_template_id FROM directory_role"
                        + " WHERE tenant_id = :tenantId AND role_template_id = :template")
                .bind("tenantId", tenantId.value())
                .bind("template", template.templateId())
                .map(JdbiDirectoryRoleRepository::toRole)
                .findOne());
    }

    @Override
    public List<DirectoryRole> activated(TenantId tenantId) {
        return jdbi
                .withHandle(handle -> handle.createQuery(
                                "SELECT id, tenant_id, role_template_id FROM directory_role WHERE tenant_id = :tenantId")
                        .bind("tenantId", tenantId.value())
                        .map(JdbiDirectoryRoleRepository::toRole)
                        .list())
                .stream()
                .sorted(Comparator.comparing(DirectoryRole::template))
                .toList();
    }

    @Override
    public Optional<DirectoryRole> findById(TenantId tenantId, UUID roleId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id, tenant_id, role_template_id FROM directory_role WHERE id = :id AND tenant_id = :tenantId")
                .bind("id", roleId)
                .bind("tenantId", tenantId.value())
                .map(JdbiDirectoryRoleRepository::toRole)
                .findOne());
    }

    @Override
    public boolean addMember(DirectoryRole role, UserId userId) {
        // look first: a failed INSERT would abort the surrounding transaction on PostgreSQL
        if (members(role).contains(userId)) {
            return false;
        }
        try {
            jdbi.useHandle(handle -> handle.createUpdate(
                            "INSERT INTO directory_role_member (role_id, user_id, tenant_id) VALUES (:role, :user, :tenant)")
                    .bind("role", role.id())
                    .bind("user", userId.value())
                    .bind("tenant", role.tenantId().value())
                    .execute());
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean removeMember(DirectoryRole role, UserId userId) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                                "DELETE FROM directory_role_member WHERE role_id = :role AND user_id = :user")
                        .bind("role", role.id())
                        .bind("user", userId.value())
                        .execute())
                > 0;
    }

    @Override
    public List<UserId> members(DirectoryRole role) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT user_id FROM directory_role_member WHERE role_id = :role ORDER BY user_id")
                .bind("role", role.id())
                .map((rs, ctx) -> new UserId(rs.getObject("user_id", UUID.class)))
                .list());
    }

    @Override
    public Set<DirectoryRoleTemplate> rolesOf(TenantId tenantId, UserId userId) {
        List<UUID> templates = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT r.role_template_id FROM directory_role_member m JOIN directory_role r ON r.id = m.role_id
                        WHERE m.user_id = :user AND m.tenant_id = :tenant
                        """)
                .bind("user", userId.value())
                .bind("tenant", tenantId.value())
                .mapTo(UUID.class)
                .list());
        Set<DirectoryRoleTemplate> held = EnumSet.noneOf(DirectoryRoleTemplate.class);
        templates.forEach(id -> DirectoryRoleTemplate.byTemplateId(id).ifPresent(held::add));
        return held;
    }

    @Override
    public List<UserId> holders(TenantId tenantId, Set<DirectoryRoleTemplate> templates) {
        if (templates.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT DISTINCT m.user_id FROM directory_role_member m JOIN directory_role r ON r.id = m.role_id
                        WHERE m.tenant_id = :tenant AND r.role_template_id IN (<templates>) ORDER BY m.user_id
                        """)
                .bind("tenant", tenantId.value())
                .bindList(
                        "templates",
                        templates.stream()
                                .map(DirectoryRoleTemplate::templateId)
                                .toList())
                .map((rs, ctx) -> new UserId(rs.getObject("user_id", UUID.class)))
                .list());
    }

    private static DirectoryRole toRole(ResultSet rs, StatementContext ctx) throws SQLException {
        UUID template = rs.getObject("role_template_id", UUID.class);
        return new DirectoryRole(
                rs.getObject("id", UUID.class),
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                DirectoryRoleTemplate.byTemplateId(template)
                        .orElseThrow(() -> new IllegalStateException("unknown role template " + template)));
    }
}
