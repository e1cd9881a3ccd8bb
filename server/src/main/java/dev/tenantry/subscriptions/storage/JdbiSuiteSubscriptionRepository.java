package dev.tenantry.subscriptions.storage;

import dev.tenantry.shared.TenantId;
import dev.tenantry.subscriptions.SuiteSubscription;
import dev.tenantry.subscriptions.SuiteSubscriptionRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/** Suite subscriptions in SQL. */
public final class JdbiSuiteSubscriptionRepository implements SuiteSubscriptionRepository {

    private static final String COLUMNS = "id, tenant_id, sku_id, sku_part_number, seats_enabled, seats_suspended,"
            + " seats_warning, state, is_trial, trial_ends_at, created_at, state_ends_at";

    private static final String INSERT = """
            INSERT INTO suite_subscription (id, tenant_id, sku_id, sku_part_number, seats_enabled, seats_suspended,
                seats_warning, state, is_trial, trial_ends_at, created_at, state_ends_at)
            VALUES (:id, :tenantId, :skuId, :skuPartNumber, :seatsEnabled, :seatsSuspended, :seatsWarning, :state,
                :trial, CAST(:trialEndsAt AS TIMESTAMP WITH TIME ZONE), :createdAt,
                CAST(:stateEndsAt AS TIMESTAMP WITH TIME ZONE))
            """;

    private static final String UPDATE = """
            UPDATE suite_subscription SET seats_enabled = :seatsEnabled, seats_suspended = :seatsSuspended,
                seats_warning = :seatsWarning, state = :state, is_trial = :trial,
                trial_ends_at = CAST(:trialEndsAt AS TIMESTAMP WITH TIME ZONE),
                state_ends_at = CAST(:stateEndsAt AS TIMESTAMP WITH TIME ZONE)
            WHERE id = :id
            """;

    private final Jdbi jdbi;

    public JdbiSuiteSubscriptionRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(SuiteSubscription subscription) {
        jdbi.useHandle(handle -> bound(handle.createUpdate(INSERT), subscription)
                .bind("tenantId", subscription.tenantId().value())
                .bind("skuId", subscription.skuId())
                .bind("skuPartNumber", subscription.skuPartNumber())
                .bind("createdAt", subscription.createdAt())
                .execute());
    }

    @Override
    public boolean update(SuiteSubscription subscription) {
        return jdbi.withHandle(handle ->
                        bound(handle.createUpdate(UPDATE), subscription).execute())
                > 0;
    }

    /** The columns an update may change, bound from {@code subscription}. */
    private static Update bound(Update update, SuiteSubscription subscription) {
        return update.bind("id", subscription.id())
                .bind("seatsEnabled", subscription.seatsEnabled())
                .bind("seatsSuspended", subscription.seatsSuspended())
                .bind("seatsWarning", subscription.seatsWarning())
                .bind("state", subscription.state().name())
                .bind("trial", subscription.trial())
                .bind("trialEndsAt", subscription.trialEndsAt())
                .bind("stateEndsAt", subscription.stateEndsAt());
    }

    @Override
    public List<SuiteSubscription> dueBy(Instant now, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM suite_subscription"
                        + " WHERE state_ends_at <= :now ORDER BY state_ends_at, id LIMIT :limit")
                .bind("now", now)
                .bind("limit", limit)
                .map(JdbiSuiteSubscriptionRepository::toSubscription)
                .list());
    }

    @Override
    public Optional<SuiteSubscription> findById(TenantId tenantId, UUID id) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM suite_subscription WHERE id = :id AND tenant_id = :tenantId")
                .bind("id", id)
                .bind("tenantId", tenantId.value())
                .map(JdbiSuiteSubscriptionRepository::toSubscription)
                .findOne());
    }

    @Override
    public List<SuiteSubscription> byTenant(TenantId tenantId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM suite_subscription WHERE tenant_id = :tenantId ORDER BY created_at, id")
                .bind("tenantId", tenantId.value())
                .map(JdbiSuiteSubscriptionRepository::toSubscription)
                .list());
    }

    @Override
    public List<SuiteSubscription> lockBySku(TenantId tenantId, UUID skuId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM suite_subscription"
                        + " WHERE tenant_id = :tenantId AND sku_id = :skuId ORDER BY created_at, id FOR UPDATE")
                .bind("tenantId", tenantId.value())
                .bind("skuId", skuId)
                .map(JdbiSuiteSubscriptionRepository::toSubscription)
                .list());
    }

    private static SuiteSubscription toSubscription(ResultSet rs, StatementContext ctx) throws SQLException {
        var instants = ctx.findColumnMapperFor(Instant.class).orElseThrow();
        return new SuiteSubscription(
                rs.getObject("id", UUID.class),
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                rs.getObject("sku_id", UUID.class),
                rs.getString("sku_part_number"),
                rs.getInt("seats_enabled"),
                rs.getInt("seats_suspended"),
                rs.getInt("seats_warning"),
                SuiteSubscription.State.valueOf(rs.getString("state")),
                rs.getBoolean("is_trial"),
                instants.map(rs, "trial_ends_at", ctx),
                instants.map(rs, "created_at", ctx),
                instants.map(rs, "state_ends_at", ctx));
    }
}
