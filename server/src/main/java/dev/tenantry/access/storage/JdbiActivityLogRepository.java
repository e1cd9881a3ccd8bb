package dev.tenantry.access.storage;

import dev.tenantry.access.ActivityEvent;
import dev.tenantry.access.ActivityLogRepository;
import dev.tenantry.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Subscriptions' activity logs in SQL. */
public final class JdbiActivityLogRepository implements ActivityLogRepository {

    private static final String COLUMNS = "id, tenant_id, subscription_id, resource_group, event_at, operation_name,"
            + " resource_provider, resource_type, resource_id, authorization_scope, sub_status, caller_id, caller_name, correlation_id";

    private final Jdbi jdbi;

    public JdbiActivityLogRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(ActivityEvent event) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO subscription_activity (" + COLUMNS + ") VALUES "
                        + "(:id, :tenantId, :subscriptionId, :resourceGroup, :at, :operationName, :provider,"
                        + " :resourceType,"
                        + " :resourceId, :scope, :subStatus, :callerId, :callerName, :correlationId)")
                .bind("id", event.id())
                .bind("tenantId", event.tenantId().value())
                .bind("subscriptionId", event.subscriptionId())
                .bind("resourceGroup", event.resourceGroup())
                .bind("at", event.at())
                .bind("operationName", event.operationName())
                .bind("provider", event.resourceProvider())
                .bind("resourceType", event.resourceType())
                .bind("resourceId", event.resourceId())
                .bind("scope", event.authorizationScope())
                .bind("subStatus", event.subStatus())
                .bind("callerId", event.callerId())
                .bind("callerName", event.callerName())
                .bind("correlationId", event.correlationId())
                .execute());
    }

    @Override
    public List<ActivityEvent> list(
            TenantId tenantId,
            UUID subscriptionId,
            Instant from,
            Instant to,
            String resourceGroup,
            String resourceProvider,
            int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + """
                         FROM subscription_activity
                        WHERE subscription_id = :subscriptionId AND tenant_id = :tenantId AND event_at >= :from AND event_at <= :to
                          AND (CAST(:resourceGroup AS VARCHAR(90)) IS NULL OR LOWER(resource_group) = :resourceGroup)
                          AND (CAST(:provider AS VARCHAR(64)) IS NULL OR LOWER(resource_provider) = :provider)
                        ORDER BY event_at DESC, id
                        FETCH FIRST :limit ROWS ONLY
                        """)
                .bind("subscriptionId", subscriptionId)
                .bind("tenantId", tenantId.value())
                .bind("from", from)
                .bind("to", to)
                .bind("resourceGroup", resourceGroup == null ? null : resourceGroup.toLowerCase(Locale.ROOT))
                .bind("provider", resourceProvider == null ? null : resourceProvider.toLowerCase(Locale.ROOT))
                .bind("limit", limit)
                .map(JdbiActivityLogRepository::toEvent)
                .list());
    }

    private static ActivityEvent toEvent(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ActivityEvent(
                rs.getObject("id", UUID.class),
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                rs.getObject("subscription_id", UUID.class),
                rs.getString("resource_group"),
                ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "event_at", ctx),
                rs.getString("operation_name"),
                rs.getString("resource_type"),
                rs.getString("resource_id"),
                rs.getString("authorization_scope"),
                rs.getString("sub_status"),
                rs.getObject("caller_id", UUID.class),
                rs.getString("caller_name"),
                rs.getObject("correlation_id", UUID.class));
    }
}
