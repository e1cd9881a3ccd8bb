package dev.tenantry.subscriptions.storage;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
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
    public int removeSku(TenantId tenantId, UUID skuId) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "DELETE FROM licence_assignment WHERE tenant_id = :tenantId AND sku_id = :skuId")
                .bind("tenantId", tenantId.value())
                .bind("skuId", skuId)
                .execute());
    }

    @Override
    public Map<UUID, Integer> assignedBySku(TenantId tenantId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT sku_id, COUNT(*) AS assigned"
                        + " FROM licence_assignment WHERE tenant_id = :tenantId GROUP BY sku_id")
                .bind("tenantId", tenantId.value())
                .map((rs, ctx) -> Map.entry(rs.getObject("sku_id", UUID.class), rs.getInt("assigned")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
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
                plans.isEmpty()
                        ? List.of()
                        : Arrays.stream(plans.split(",")).map(UUID::fromString).toList(),
                ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "assigned_at", ctx));
    }
}
