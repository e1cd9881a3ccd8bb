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

/** Cloud subscriptions in SQL. */
public final class JdbiCloudSubscriptionRepository implements CloudSubscriptionRepository {

    private static final String COLUMNS = "id, tenant_id, display_name, offer_id, state, account_admin_id, created_at";

    private static final String INSERT = """
            INSERT INTO cloud_subscription (id, tenant_id, display_name, offer_id, state, account_admin_id, created_at)
            VALUES (:id, :tenantId, :displayName, :offerId, :state, :accountAdmin, :createdAt)
            """;

    private final Jdbi jdbi;

    public JdbiCloudSubscriptionRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(CloudSubscription subscription) {
        jdbi.useHandle(handle -> handle.createUpdate(INSERT)
                .bind("id", subscription.id())
                .bind("tenantId", subscription.tenantId().value())
                .bind("displayName", subscription.displayName())
                .bind("offerId", subscription.offerId())
                .bind("state", subscription.state().name())
                .bind("accountAdmin", subscription.accountAdministrator().value())
                .bind("createdAt", subscription.createdAt())
                .execute());
    }

    @Override
    public Optional<CloudSubscription> findById(UUID id) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT " + COLUMNS + " FROM cloud_subscription WHERE id = :id")
                        .bind("id", id)
                        .map(JdbiCloudSubscriptionRepository::toSubscription)
                        .findOne());
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

    @Override
    public boolean updateAccountAdministrator(UUID id, UserId accountAdministrator) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                                "UPDATE cloud_subscription SET account_admin_id = :admin WHERE id = :id")
                        .bind("admin", accountAdministrator.value())
                        .bind("id", id)
                        .execute())
                == 1;
    }

    private static CloudSubscription toSubscription(ResultSet rs, StatementContext ctx) throws SQLException {
        return new CloudSubscription(
                rs.getObject("id", UUID.class),
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                rs.getString("display_name"),
                rs.getString("offer_id"),
                CloudSubscription.State.valueOf(rs.getString("state")),
                new UserId(rs.getObject("account_admin_id", UUID.class)),
                ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "created_at", ctx));
    }
}
