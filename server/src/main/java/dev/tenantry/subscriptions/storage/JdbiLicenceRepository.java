package dev.tenantry.subscriptions.storage;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import dev.tenantry.subscriptions.GroupLicence;
import dev.tenantry.subscriptions.InheritedLicence;
import dev.tenantry.subscriptions.LicenceAssignment;
import dev.tenantry.subscriptions.LicenceRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Licence assignments in SQL; the foreign key to the user frees them when the user is deleted. */
public final class JdbiLicenceRepository implements LicenceRepository {

    private static final String INHERITED_COLUMNS = "tenant_id, user_id, group_id, sku_id, error, updated_at";

    private final Jdbi jdbi;

    public JdbiLicenceRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void save(LicenceAssignment assignment) {
        jdbi.useHandle(handle -> {
            int updated = handle.createUpdate("UPDATE licence_assignment SET disabled_plans = :plans"
                            + " WHERE tenant_id = :tenantId AND user_id = :userId AND sku_id = :skuId")
                    .bind("plans", joined(assignment.disabledPlans()))
                    .bind("tenantId", assignment.tenantId().value())
                    .bind("userId", assignment.userId().value())
                    .bind("skuId", assignment.skuId())
                    .execute();
            if (updated == 0) {
                handle.createUpdate("INSERT INTO licence_assignment (tenant_id, user_id, sku_id, disabled_plans,"
                                + " assigned_at) VALUES (:tenantId, :userId, :skuId, :plans, :assignedAt)")
                        .bind("tenantId", assignment.tenantId().value())
                        .bind("userId", assignment.userId().value())
                        .bind("skuId", assignment.skuId())
                        .bind("plans", joined(assignment.disabledPlans()))
                        .bind("assignedAt", assignment.assignedAt())
                        .execute();
            }
        });
    }

    @Override
    public boolean remove(TenantId tenantId, UserId userId, UUID skuId) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM licence_assignment"
                                + " WHERE tenant_id = :tenantId AND user_id = :userId AND sku_id = :skuId")
                        .bind("tenantId", tenantId.value())
                        .bind("userId", userId.value())
                        .bind("skuId", skuId)
                        .execute())
                > 0;
    }

    @Override
    public List<LicenceAssignment> byUser(TenantId tenantId, UserId userId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT tenant_id, user_id, sku_id, disabled_plans,"
                        + " assigned_at FROM licence_assignment WHERE tenant_id = :tenantId AND user_id = :userId"
                        + " ORDER BY sku_id")
                .bind("tenantId", tenantId.value())
                .bind("userId", userId.value())
                .map(JdbiLicenceRepository::toAssignment)
                .list());
    }

    @Override
    public List<LicenceAssignment> bySku(TenantId tenantId, UUID skuId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT tenant_id, user_id, sku_id, disabled_plans,"
                        + " assigned_at FROM licence_assignment WHERE tenant_id = :tenantId AND sku_id = :skuId"
                        + " ORDER BY user_id")
                .bind("tenantId", tenantId.value())
                .bind("skuId", skuId)
                .map(JdbiLicenceRepository::toAssignment)
                .list());
    }

    @Override
    public List<InheritedLicence> inheritedOfSku(TenantId tenantId, UUID skuId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + INHERITED_COLUMNS + " FROM inherited_licence"
                        + " WHERE tenant_id = :tenantId AND sku_id = :skuId ORDER BY user_id, group_id")
                .bind("tenantId", tenantId.value())
                .bind("skuId", skuId)
                .map(JdbiLicenceRepository::toInherited)
                .list());
    }

    @Override
    public int removeSku(TenantId tenantId, UUID skuId) {
        return jdbi.inTransaction(handle -> {
            for (String table : List.of("inherited_licence", "group_licence")) {
                handle.createUpdate("DELETE FROM " + table + " WHERE tenant_id = :tenantId AND sku_id = :skuId")
                        .bind("tenantId", tenantId.value())
                        .bind("skuId", skuId)
                        .execute();
            }
            return handle.createUpdate("DELETE FROM licence_assignment WHERE tenant_id = :tenantId AND sku_id = :skuId")
                    .bind("tenantId", tenantId.value())
                    .bind("skuId", skuId)
                    .execute();
        });
    }

    @Override
    public Map<UUID, Integer> assignedBySku(TenantId tenantId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT sku_id, COUNT(DISTINCT user_id) AS assigned FROM ("
                        + " SELECT sku_id, user_id FROM licence_assignment WHERE tenant_id = :tenantId"
                        + " UNION ALL SELECT sku_id, user_id FROM inherited_licence"
                        + " WHERE tenant_id = :tenantId AND error IS NULL) held GROUP BY sku_id")
                .bind("tenantId", tenantId.value())
                .map((rs, ctx) -> Map.entry(rs.getObject("sku_id", UUID.class), rs.getInt("assigned")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Override
    public void saveGroupLicence(GroupLicence licence) {
        jdbi.useHandle(handle -> {
            int updated = handle.createUpdate("UPDATE group_licence SET disabled_plans = :plans"
                            + " WHERE tenant_id = :tenantId AND group_id = :groupId AND sku_id = :skuId")
                    .bind("plans", joined(licence.disabledPlans()))
                    .bind("tenantId", licence.tenantId().value())
                    .bind("groupId", licence.groupId())
                    .bind("skuId", licence.skuId())
                    .execute();
            if (updated == 0) {
                handle.createUpdate("INSERT INTO group_licence (tenant_id, group_id, sku_id, disabled_plans,"
                                + " assigned_at) VALUES (:tenantId, :groupId, :skuId, :plans, :assignedAt)")
                        .bind("tenantId", licence.tenantId().value())
                        .bind("groupId", licence.groupId())
                        .bind("skuId", licence.skuId())
                        .bind("plans", joined(licence.disabledPlans()))
                        .bind("assignedAt", licence.assignedAt())
                        .execute();
            }
        });
    }

    @Override
    public boolean removeGroupLicence(TenantId tenantId, UUID groupId, UUID skuId) {
        return jdbi.inTransaction(handle -> {
            handle.createUpdate("DELETE FROM inherited_licence"
                            + " WHERE tenant_id = :tenantId AND group_id = :groupId AND sku_id = :skuId")
                    .bind("tenantId", tenantId.value())
                    .bind("groupId", groupId)
                    .bind("skuId", skuId)
                    .execute();
            return handle.createUpdate("DELETE FROM group_licence"
                                    + " WHERE tenant_id = :tenantId AND group_id = :groupId AND sku_id = :skuId")
                            .bind("tenantId", tenantId.value())
                            .bind("groupId", groupId)
                            .bind("skuId", skuId)
                            .execute()
                    > 0;
        });
    }

    @Override
    public List<GroupLicence> groupLicences(TenantId tenantId, UUID groupId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT tenant_id, group_id, sku_id, disabled_plans,"
                        + " assigned_at FROM group_licence WHERE tenant_id = :tenantId AND group_id = :groupId"
                        + " ORDER BY sku_id")
                .bind("tenantId", tenantId.value())
                .bind("groupId", groupId)
                .map((rs, ctx) -> new GroupLicence(
                        new TenantId(rs.getObject("tenant_id", UUID.class)),
                        rs.getObject("group_id", UUID.class),
                        rs.getObject("sku_id", UUID.class),
                        plans(rs.getString("disabled_plans")),
                        ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "assigned_at", ctx)))
                .list());
    }

    @Override
    public List<InheritedLicence> inheritedBy(TenantId tenantId, UserId userId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + INHERITED_COLUMNS + " FROM inherited_licence"
                        + " WHERE tenant_id = :tenantId AND user_id = :userId ORDER BY sku_id, group_id")
                .bind("tenantId", tenantId.value())
                .bind("userId", userId.value())
                .map(JdbiLicenceRepository::toInherited)
                .list());
    }

    @Override
    public List<InheritedLicence> inheritedFrom(TenantId tenantId, UUID groupId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + INHERITED_COLUMNS + " FROM inherited_licence"
                        + " WHERE tenant_id = :tenantId AND group_id = :groupId ORDER BY user_id, sku_id")
                .bind("tenantId", tenantId.value())
                .bind("groupId", groupId)
                .map(JdbiLicenceRepository::toInherited)
                .list());
    }

    @Override
    public void replaceInherited(TenantId tenantId, UUID groupId, List<InheritedLicence> inherited) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM inherited_licence WHERE tenant_id = :tenantId AND group_id = :groupId")
                    .bind("tenantId", tenantId.value())
                    .bind("groupId", groupId)
                    .execute();
            for (InheritedLicence licence : inherited) {
                handle.createUpdate("INSERT INTO inherited_licence (tenant_id, user_id, group_id, sku_id, error,"
                                + " updated_at) VALUES (:tenantId, :userId, :groupId, :skuId, :error, :updatedAt)")
                        .bind("tenantId", tenantId.value())
                        .bind("userId", licence.userId().value())
                        .bind("groupId", groupId)
                        .bind("skuId", licence.skuId())
                        .bind(
                                "error",
                                licence.error() == null ? null : licence.error().name())
                        .bind("updatedAt", licence.updatedAt())
                        .execute();
            }
        });
    }

    private static InheritedLicence toInherited(ResultSet rs, StatementContext ctx) throws SQLException {
        String error = rs.getString("error");
        return new InheritedLicence(
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                new UserId(rs.getObject("user_id", UUID.class)),
                rs.getObject("group_id", UUID.class),
                rs.getObject("sku_id", UUID.class),
                error == null ? null : InheritedLicence.Failure.valueOf(error),
                ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "updated_at", ctx));
    }

    private static List<UUID> plans(String plans) {
        return plans.isEmpty()
                ? List.of()
                : Arrays.stream(plans.split(",")).map(UUID::fromString).toList();
    }

    private static String joined(List<UUID> plans) {
        return plans.stream().map(UUID::toString).collect(Collectors.joining(","));
    }

    private static LicenceAssignment toAssignment(ResultSet rs, StatementContext ctx) throws SQLException {
        String plans = rs.getString("disabled_plans");
        return new LicenceAssignment(
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                new UserId(rs.getObject("user_id", UUID.class)),
                rs.getObject("sku_id", UUID.class),
                plans(plans),
                ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "assigned_at", ctx));
    }
}
