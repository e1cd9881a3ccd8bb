package dev.tenantry.directory.storage;

import dev.tenantry.directory.AuditEvent;
import dev.tenantry.directory.AuditRepository;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.RequestError;
import dev.tenantry.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The audit log in SQL: an entry row and its target rows, written together. */
public final class JdbiAuditRepository implements AuditRepository {

    private static final String COLUMNS = "id, tenant_id, activity_at, category, activity, operation_type,"
            + " initiator_kind, initiator_id, initiator_name";

    private final Jdbi jdbi;

    public JdbiAuditRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(AuditEvent event) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("INSERT INTO directory_audit (" + COLUMNS + ") VALUES (:id, :tenantId, :at,"
                            + " :category, :activity, :operationType, :initiatorKind, :initiatorId, :initiatorName)")
                    .bind("id", event.id())
                    .bind("tenantId", event.tenantId().value())
                    .bind("at", event.at())
                    .bind("category", event.category())
                    .bind("activity", event.activity())
                    .bind("operationType", event.operationType())
                    .bind("initiatorKind", event.initiator().kind().name())
                    .bindByType("initiatorId", event.initiator().id(), UUID.class)
                    .bind("initiatorName", event.initiator().name())
                    .execute();
            int position = 0;
            for (AuditEvent.Target target : event.targets()) {
                handle.createUpdate("INSERT INTO directory_audit_target (audit_id, position, target_id, target_type,"
                                + " display_name, detail) VALUES (:auditId, :position, :id, :type, :name, :detail)")
                        .bind("auditId", event.id())
                        .bind("position", position++)
                        .bindByType("id", target.id(), UUID.class)
                        .bind("type", target.type())
                        .bind("name", target.displayName())
                        .bind("detail", target.detail())
                        .execute();
            }
        });
    }

    @Override
    public Optional<AuditEvent> find(TenantId tenantId, UUID id) {
        return jdbi
                .withHandle(handle -> withTargets(
                        handle,
                        handle.createQuery("SELECT " + COLUMNS
                                        + " FROM directory_audit WHERE tenant_id = :tenantId AND id = :id")
                                .bind("tenantId", tenantId.value())
                                .bind("id", id)
                                .map(JdbiAuditRepository::toEvent)
                                .list()))
                .stream()
                .findFirst();
    }

    @Override
    public Page<AuditEvent> list(TenantId tenantId, String category, String activity, PageRequest page) {
        StringBuilder sql =
                new StringBuilder("SELECT " + COLUMNS + " FROM directory_audit WHERE tenant_id = :tenantId");
        if (category != null) {
            sql.append(" AND LOWER(category) = :category");
        }
        if (activity != null) {
            sql.append(" AND LOWER(activity) = :activity");
        }
        if (page.after() != null) {
            sql.append(" AND (activity_at < :afterAt OR (activity_at = :afterAt AND id > :afterId))");
        }
        sql.append(" ORDER BY activity_at DESC, id FETCH FIRST :limit ROWS ONLY");
        List<AuditEvent> fetched = jdbi.withHandle(handle -> {
            var query = handle.createQuery(sql.toString())
                    .bind("tenantId", tenantId.value())
                    .bind("limit", page.size() + 1);
            if (category != null) {
                query.bind("category", category.toLowerCase(Locale.ROOT));
            }
            if (activity != null) {
                query.bind("activity", activity.toLowerCase(Locale.ROOT));
            }
            if (page.after() != null) {
                int separator = page.after().indexOf('\u0000');
                try {
                    long nanos = Long.parseLong(page.after().substring(0, Math.max(separator, 0)));
                    query.bind("afterAt", Instant.ofEpochSecond(0, nanos));
                } catch (NumberFormatException e) {
                    throw new InvalidRequestException(RequestError.INVALID_ID, "The page position is not valid here.");
                }
                query.bind("afterId", Ids.parseUuid(page.after().substring(separator + 1), "page position"));
            }
            return withTargets(handle, query.map(JdbiAuditRepository::toEvent).list());
        });
        return Page.of(fetched, page.size(), AuditRepository::positionOf);
    }

    /** The events with their targets, read in one query. */
    private static List<AuditEvent> withTargets(Handle handle, List<AuditEvent> events) {
        if (events.isEmpty()) {
            return events;
        }
        Map<UUID, List<AuditEvent.Target>> targets = new LinkedHashMap<>();
        events.forEach(event -> targets.put(event.id(), new ArrayList<>()));
        handle.createQuery("SELECT audit_id, target_id, target_type, display_name, detail FROM directory_audit_target"
                        + " WHERE audit_id IN (<ids>) ORDER BY audit_id, position")
                .bindList("ids", List.copyOf(targets.keySet()))
                .map((rs, ctx) -> Map.entry(
                        rs.getObject("audit_id", UUID.class),
                        new AuditEvent.Target(
                                rs.getObject("target_id", UUID.class),
                                rs.getString("target_type"),
                                rs.getString("display_name"),
                                rs.getString("detail"))))
                .forEach(entry -> targets.get(entry.getKey()).add(entry.getValue()));
        return events.stream()
                .map(event -> new AuditEvent(
                        event.id(),
                        event.tenantId(),
                        event.at(),
                        event.category(),
                        event.activity(),
                        event.operationType(),
                        event.initiator(),
                        targets.get(event.id())))
                .toList();
    }

    private static AuditEvent toEvent(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AuditEvent(
                rs.getObject("id", UUID.class),
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "activity_at", ctx),
                rs.getString("category"),
                rs.getString("activity"),
                rs.getString("operation_type"),
                new AuditEvent.Initiator(
                        AuditEvent.Initiator.Kind.valueOf(rs.getString("initiator_kind")),
                        rs.getObject("initiator_id", UUID.class),
                        rs.getString("initiator_name")),
                List.of());
    }
}
