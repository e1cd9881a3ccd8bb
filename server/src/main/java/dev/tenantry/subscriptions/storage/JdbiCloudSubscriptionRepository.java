package dev.tenantry.subscriptions.storage;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import dev.tenantry.subscriptions.CloudSubscription;
import dev.tenantry.subscriptions.CloudSubscriptionRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/** Cloud subscriptions in SQL. */
public final class JdbiCloudSubscriptionRepository implements CloudSubscriptionRepository {

    private static final String COLUMNS =
            "id, tenant_id, display_name, offer_id, state, account_admin_id, created_at, state_ends_at";

    private static final String INSERT = """
            INSERT INTO cloud_subscription (id, tenant_id, display_name, offer_id, state, account_admin_id, created_at,
                                            state_ends_at)
            VALUES (:id, :tenantId, :displayName, :offerId, :state, :accountAdmin, :createdAt,
                    CAST(:stateEndsAt AS TIMESTAMP WITH TIME ZONE))
            """;

    private static final String UPDATE = """
            UPDATE cloud_subscription SET tenant_id = :tenantId, display_name = :displayName, state = :state,
                   account_admin_id = :accountAdmin, state_ends_at = CAST(:stateEndsAt AS TIMESTAMP WITH TIME ZONE)
            WHERE id = :id
            """;

    private final Jdbi jdbi;

    public JdbiCloudSubscriptionRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(CloudSubscription subscription) {
        jdbi.useHandle(handle -> bind(handle.createUpdate(INSERT), subscription)
                .bind("offerId", subscription.offerId())
                .bind("createdAt", subscription.createdAt())
                .execute());
    }

    @Override
    public void update(CloudSubscription subscription) {
        jdbi.useHandle(handle -> bind(handle.createUpdate(UPDATE), subscription).execute());
    }

    private static Update bind(Update update, CloudSubscription subscription) {
        return update.bind("id", subscription.id())
                .bind("tenantId", subscription.tenantId().value())
                .bind("displayName", subscription.displayName())
                .bind("state", subscription.state().name())
                .bind("accountAdmin", subscription.accountAdministrator().value())
                .bind("stateEndsAt", subscription.stateEndsAt());
    }

    @Override
    public Optional<CloudSubscription> lockById(UUID id) {
        return selectById(id, " FOR UPDATE");
    }

    private Optional<CloudSubscription> selectById(UUID id, String suffix) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT " + COLUMNS + " FROM cloud_subscription WHERE id = :id" + suffix)
                        .bind("id", id)
                        .map(JdbiCloudSubscriptionRepository::toSubscription)
                        .findOne());
    }

    @Override
    public List<CloudSubscription> dueBy(Instant now, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM cloud_subscription WHERE state IN ('ENABLED', 'DISABLED') AND state_ends_at <= :now"
                        + " ORDER BY state_ends_at, id FETCH FIRST :limit ROWS ONLY")
                .bind("now", now)
                .bind("limit", limit)
                .map(JdbiCloudSubscriptionRepository::toSubscription)
                .list());
    }

    @Override
    public Optional<CloudSubscription> findById(UUID id) {
        return selectById(id, "");
    }

    @Override
    public List<CloudSubscription> findByIds(Collection<UUID> ids, UUID after, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM cloud_subscription WHERE id IN (<ids>)"
                + (after == null ? "" : " AND id > :after") + " ORDER BY id FETCH FIRST :limit ROWS ONLY";
        return jdbi.withHandle(handle -> {
            var query =
                    handle.createQuery(sql).bindList("ids", List.copyOf(ids)).bind("limit", limit);
            if (after != null) {
                query.bind("after", after);
            }
            return query.map(JdbiCloudSubscriptionRepository::toSubscription).list();
        });
    }

    @Override
    public List<CloudSubscription> byTenant(TenantId tenantId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM cloud_subscription WHERE tenant_id = :tenantId ORDER BY created_at, id")
                .bind("tenantId", tenantId.value())
                .map(JdbiCloudSubscriptionRepository::toSubscription)
                .list());
    }

    private static CloudSubscription toSubscription(ResultSet rs, StatementContext ctx) throws SQLException {
        return new CloudSubscription(
                rs.getObject("id", UUID.class),
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                rs.getString("display_name"),
                rs.getString("offer_id"),
                CloudSubscription.State.valueOf(rs.getString("state")),
                new UserId(rs.getObject("account_admin_id", UUID.class)),
                ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "created_at", ctx),
                ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "state_ends_at", ctx));
    }
}
