package dev.tenantry.subscriptions.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.storage.SqlStates;
import dev.tenantry.subscriptions.ComputeHost;
import dev.tenantry.subscriptions.ManagedIdentity;
import dev.tenantry.subscriptions.ManagedIdentityError;
import dev.tenantry.subscriptions.ManagedIdentityRepository;
import dev.tenantry.subscriptions.ResourceGroup;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Managed identities and compute hosts in SQL (issue 11); tags are kept as a small JSON object. */
public final class JdbiManagedIdentityRepository implements ManagedIdentityRepository {

    private static final String IDENTITY_COLUMNS =
            "principal_id, tenant_id, client_id, subscription_id, resource_group,"
                    + " name, kind, location, tags, created_at";
    private static final String HOST_COLUMNS =
            "subscription_id, resource_group_key, name_key, resource_group, name, location, tags, created_at";

    private final Jdbi jdbi;

    public JdbiManagedIdentityRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(ManagedIdentity identity) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO managed_identity (" + IDENTITY_COLUMNS
                            + ", resource_group_key, name_key) VALUES (:principalId, :tenantId, :clientId, :sub,"
                            + " :group, :name, :kind, :location, :tags, :createdAt, :groupKey, :nameKey)")
                    .bind("principalId", identity.principalId())
                    .bind("tenantId", identity.tenantId().value())
                    .bind("clientId", identity.clientId())
                    .bind("sub", identity.subscriptionId())
                    .bind("group", identity.resourceGroup())
                    .bind("name", identity.name())
                    .bind("kind", identity.kind().name())
                    .bind("location", identity.location())
                    .bind("tags", JdbiResourceGroupRepository.tags(identity.tags()))
                    .bind("createdAt", identity.createdAt())
                    .bind("groupKey", ResourceGroup.key(identity.resourceGroup()))
                    .bind("nameKey", key(identity.name()))
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw new ConflictException(
                        ManagedIdentityError.IDENTITY_EXISTS,
                        "An identity named '" + identity.name() + "' exists already in this resource group.");
            }
            throw e;
        }
    }

    @Override
    public boolean updateTags(ManagedIdentity identity) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                                "UPDATE managed_identity SET tags = :tags WHERE principal_id = :principalId")
                        .bind("tags", JdbiResourceGroupRepository.tags(identity.tags()))
                        .bind("principalId", identity.principalId())
                        .execute())
                > 0;
    }

    @Override
    public Optional<ManagedIdentity> find(
            UUID subscriptionId, String resourceGroup, ManagedIdentity.Kind kind, String name) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + IDENTITY_COLUMNS
                        + " FROM managed_identity WHERE subscription_id = :sub AND resource_group_key = :groupKey"
                        + " AND kind = :kind AND name_key = :nameKey")
                .bind("sub", subscriptionId)
                .bind("groupKey", ResourceGroup.key(resourceGroup))
                .bind("kind", kind.name())
                .bind("nameKey", key(name))
                .map(JdbiManagedIdentityRepository::toIdentity)
                .findOne());
    }

    @Override
    public Optional<ManagedIdentity> findByPrincipal(UUID principalId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + IDENTITY_COLUMNS + " FROM managed_identity WHERE principal_id = :principalId")
                .bind("principalId", principalId)
                .map(JdbiManagedIdentityRepository::toIdentity)
                .findOne());
    }

    @Override
    public boolean delete(UUID principalId) {
        return jdbi.withHandle(handle -> {
            handle.createUpdate("DELETE FROM compute_host_identity WHERE principal_id = :principalId")
                    .bind("principalId", principalId)
                    .execute();
            return handle.createUpdate("DELETE FROM managed_identity WHERE principal_id = :principalId")
                            .bind("principalId", principalId)
                            .execute()
                    > 0;
        });
    }

    @Override
    public List<ManagedIdentity> list(UUID subscriptionId, String resourceGroup, ManagedIdentity.Kind kind) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + IDENTITY_COLUMNS
                        + " FROM managed_identity WHERE subscription_id = :sub AND kind = :kind"
                        + (resourceGroup == null ? "" : " AND resource_group_key = :groupKey")
                        + " ORDER BY resource_group_key, name_key")
                .bind("sub", subscriptionId)
                .bind("kind", kind.name())
                .bind("groupKey", resourceGroup == null ? "" : ResourceGroup.key(resourceGroup))
                .map(JdbiManagedIdentityRepository::toIdentity)
                .list());
    }

    @Override
    public boolean upsertHost(ComputeHost host) {
        return jdbi.withHandle(handle -> {
            String groupKey = ResourceGroup.key(host.resourceGroup());
            String nameKey = key(host.name());
            int updated = handle.createUpdate("UPDATE compute_host SET tags = :tags WHERE subscription_id = :sub"
                            + " AND resource_group_key = :groupKey AND name_key = :nameKey")
                    .bind("tags", JdbiResourceGroupRepository.tags(host.tags()))
                    .bind("sub", host.subscriptionId())
                    .bind("groupKey", groupKey)
                    .bind("nameKey", nameKey)
                    .execute();
            if (updated == 0) {
                handle.createUpdate("INSERT INTO compute_host (" + HOST_COLUMNS + ") VALUES (:sub, :groupKey,"
                                + " :nameKey, :group, :name, :location, :tags, :createdAt)")
                        .bind("sub", host.subscriptionId())
                        .bind("groupKey", groupKey)
                        .bind("nameKey", nameKey)
                        .bind("group", host.resourceGroup())
                        .bind("name", host.name())
                        .bind("location", host.location())
                        .bind("tags", JdbiResourceGroupRepository.tags(host.tags()))
                        .bind("createdAt", host.createdAt())
                        .execute();
            }
            handle.createUpdate("DELETE FROM compute_host_identity WHERE subscription_id = :sub"
                            + " AND resource_group_key = :groupKey AND host_name_key = :nameKey")
                    .bind("sub", host.subscriptionId())
                    .bind("groupKey", groupKey)
                    .bind("nameKey", nameKey)
                    .execute();
            for (UUID principalId : host.userAssigned()) {
                handle.createUpdate("INSERT INTO compute_host_identity (subscription_id, resource_group_key,"
                                + " host_name_key, principal_id) VALUES (:sub, :groupKey, :nameKey, :principalId)")
                        .bind("sub", host.subscriptionId())
                        .bind("groupKey", groupKey)
                        .bind("nameKey", nameKey)
                        .bind("principalId", principalId)
                        .execute();
            }
            return updated == 0;
        });
    }

    @Override
    public Optional<ComputeHost> findHost(UUID subscriptionId, String resourceGroup, String name) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + HOST_COLUMNS
                        + " FROM compute_host WHERE subscription_id = :sub AND resource_group_key = :groupKey"
                        + " AND name_key = :nameKey")
                .bind("sub", subscriptionId)
                .bind("groupKey", ResourceGroup.key(resourceGroup))
                .bind("nameKey", key(name))
                .map((rs, ctx) -> toHost(handle, rs, ctx))
                .findOne());
    }

    @Override
    public List<ComputeHost> listHosts(UUID subscriptionId, String resourceGroup) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + HOST_COLUMNS
                        + " FROM compute_host WHERE subscription_id = :sub"
                        + (resourceGroup == null ? "" : " AND resource_group_key = :groupKey")
                        + " ORDER BY resource_group_key, name_key")
                .bind("sub", subscriptionId)
                .bind("groupKey", resourceGroup == null ? "" : ResourceGroup.key(resourceGroup))
                .map((rs, ctx) -> toHost(handle, rs, ctx))
                .list());
    }

    @Override
    public boolean deleteHost(UUID subscriptionId, String resourceGroup, String name) {
        // the host's identity links go with it (ON DELETE CASCADE)
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM compute_host WHERE subscription_id = :sub"
                                + " AND resource_group_key = :groupKey AND name_key = :nameKey")
                        .bind("sub", subscriptionId)
                        .bind("groupKey", ResourceGroup.key(resourceGroup))
                        .bind("nameKey", key(name))
                        .execute())
                > 0;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static ComputeHost toHost(Handle handle, ResultSet rs, StatementContext ctx) throws SQLException {
        UUID subscriptionId = rs.getObject("subscription_id", UUID.class);
        String groupKey = rs.getString("resource_group_key");
        String nameKey = rs.getString("name_key");
        List<UUID> userAssigned = handle.createQuery("SELECT principal_id FROM compute_host_identity"
                        + " WHERE subscription_id = :sub AND resource_group_key = :groupKey AND host_name_key = :nameKey"
                        + " ORDER BY principal_id")
                .bind("sub", subscriptionId)
                .bind("groupKey", groupKey)
                .bind("nameKey", nameKey)
                .mapTo(UUID.class)
                .list();
        boolean systemAssigned = handle.createQuery("SELECT COUNT(*) FROM managed_identity WHERE subscription_id = :sub"
                                + " AND resource_group_key = :groupKey AND kind = :kind AND name_key = :nameKey")
                        .bind("sub", subscriptionId)
                        .bind("groupKey", groupKey)
                        .bind("kind", ManagedIdentity.Kind.SYSTEM_ASSIGNED.name())
                        .bind("nameKey", nameKey)
                        .mapTo(Integer.class)
                        .one()
                > 0;
        try {
            return new ComputeHost(
                    subscriptionId,
                    rs.getString("resource_group"),
                    rs.getString("name"),
                    rs.getString("location"),
                    JdbiResourceGroupRepository.tags(rs),
                    systemAssigned,
                    userAssigned,
                    instant(rs, ctx));
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable tags", e);
        }
    }

    private static ManagedIdentity toIdentity(ResultSet rs, StatementContext ctx) throws SQLException {
        try {
            return new ManagedIdentity(
                    rs.getObject("principal_id", UUID.class),
                    new TenantId(rs.getObject("tenant_id", UUID.class)),
                    rs.getObject("client_id", UUID.class),
                    rs.getObject("subscription_id", UUID.class),
                    rs.getString("resource_group"),
                    rs.getString("name"),
                    ManagedIdentity.Kind.valueOf(rs.getString("kind")),
                    rs.getString("location"),
                    JdbiResourceGroupRepository.tags(rs),
                    instant(rs, ctx));
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable tags", e);
        }
    }

    private static Instant instant(ResultSet rs, StatementContext ctx) throws SQLException {
        return ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "created_at", ctx);
    }
}
