package dev.tenantry.subscriptions.storage;

import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import dev.tenantry.storage.SqlStates;
import dev.tenantry.subscriptions.BillingTransfer;
import dev.tenantry.subscriptions.ClassicAdministratorGrant;
import dev.tenantry.subscriptions.ClassicRole;
import dev.tenantry.subscriptions.SubscriptionAdministratorRepository;
import dev.tenantry.subscriptions.SubscriptionError;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Classic administrators and billing ownership transfers in SQL. */
public final class JdbiSubscriptionAdministratorRepository implements SubscriptionAdministratorRepository {

    private static final String GRANT_COLUMNS = "subscription_id, role, user_id, owner_assignment_id, created_at";
    private static final String TRANSFER_COLUMNS =
            "id, subscription_id, tenant_id, sender_id, recipient_id, state," + " created_at, expires_at, completed_at";

    private final Jdbi jdbi;

    public JdbiSubscriptionAdministratorRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insertGrant(ClassicAdministratorGrant grant) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO classic_administrator (" + GRANT_COLUMNS
                            + ") VALUES (:subscriptionId, :role, :userId, :ownerAssignmentId, :createdAt)")
                    .bind("subscriptionId", grant.subscriptionId())
                    .bind("role", grant.role().name())
                    .bind("userId", grant.userId().value())
                    .bindByType("ownerAssignmentId", grant.ownerAssignmentId(), UUID.class)
                    .bind("createdAt", grant.createdAt())
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw new ConflictException(
                        SubscriptionError.ALREADY_ADMINISTRATOR,
                        "The user already holds the " + grant.role().armName() + " role on this subscription.");
            }
            throw e;
        }
    }

    @Override
    public List<ClassicAdministratorGrant> grants(UUID subscriptionId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + GRANT_COLUMNS
                        + " FROM classic_administrator WHERE subscription_id = :id ORDER BY created_at, user_id, role")
                .bind("id", subscriptionId)
                .map(JdbiSubscriptionAdministratorRepository::toGrant)
                .list());
    }

    @Override
    public boolean deleteGrant(UUID subscriptionId, ClassicRole role, UserId userId) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                                "DELETE FROM classic_administrator WHERE subscription_id = :id AND role = :role"
                                        + " AND user_id = :userId")
                        .bind("id", subscriptionId)
                        .bind("role", role.name())
                        .bind("userId", userId.value())
                        .execute())
                > 0;
    }

    @Override
    public int deleteGrants(UUID subscriptionId) {
        return jdbi.withHandle(
                handle -> handle.createUpdate("DELETE FROM classic_administrator WHERE subscription_id = :id")
                        .bind("id", subscriptionId)
                        .execute());
    }

    @Override
    public void insertTransfer(BillingTransfer transfer) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO billing_ownership_transfer (" + TRANSFER_COLUMNS
                        + ") VALUES (:id, :subscriptionId, :tenantId, :senderId, :recipientId, :state, :createdAt,"
                        + " :expiresAt, :completedAt)")
                .bind("id", transfer.id())
                .bind("subscriptionId", transfer.subscriptionId())
                .bind("tenantId", transfer.tenantId().value())
                .bind("senderId", transfer.senderId().value())
                .bind("recipientId", transfer.recipientId().value())
                .bind("state", transfer.state().name())
                .bind("createdAt", transfer.createdAt())
                .bind("expiresAt", transfer.expiresAt())
                .bindByType("completedAt", transfer.completedAt(), Instant.class)
                .execute());
    }

    @Override
    public Optional<BillingTransfer> findTransfer(UUID id) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + TRANSFER_COLUMNS + " FROM billing_ownership_transfer WHERE id = :id")
                .bind("id", id)
                .map(JdbiSubscriptionAdministratorRepository::toTransfer)
                .findOne());
    }

    @Override
    public List<BillingTransfer> transfers(UUID subscriptionId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + TRANSFER_COLUMNS
                        + " FROM billing_ownership_transfer WHERE subscription_id = :id ORDER BY created_at DESC, id")
                .bind("id", subscriptionId)
                .map(JdbiSubscriptionAdministratorRepository::toTransfer)
                .list());
    }

    @Override
    public List<BillingTransfer> pendingTransfersTo(UserId recipientId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + TRANSFER_COLUMNS
                        + " FROM billing_ownership_transfer WHERE recipient_id = :recipient AND state = :pending"
                        + " ORDER BY created_at DESC, id")
                .bind("recipient", recipientId.value())
                .bind("pending", BillingTransfer.State.PENDING.name())
                .map(JdbiSubscriptionAdministratorRepository::toTransfer)
                .list());
    }

    @Override
    public boolean updateTransfer(BillingTransfer transfer) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                                "UPDATE billing_ownership_transfer SET state = :state, completed_at = :completedAt"
                                        + " WHERE id = :id")
                        .bind("state", transfer.state().name())
                        .bindByType("completedAt", transfer.completedAt(), Instant.class)
                        .bind("id", transfer.id())
                        .execute())
                == 1;
    }

    private static ClassicAdministratorGrant toGrant(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ClassicAdministratorGrant(
                rs.getObject("subscription_id", UUID.class),
                ClassicRole.valueOf(rs.getString("role")),
                new UserId(rs.getObject("user_id", UUID.class)),
                rs.getObject("owner_assignment_id", UUID.class),
                instant(rs, "created_at", ctx));
    }

    private static BillingTransfer toTransfer(ResultSet rs, StatementContext ctx) throws SQLException {
        return new BillingTransfer(
                rs.getObject("id", UUID.class),
                rs.getObject("subscription_id", UUID.class),
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                new UserId(rs.getObject("sender_id", UUID.class)),
                new UserId(rs.getObject("recipient_id", UUID.class)),
                BillingTransfer.State.valueOf(rs.getString("state")),
                instant(rs, "created_at", ctx),
                instant(rs, "expires_at", ctx),
                instant(rs, "completed_at", ctx));
    }

    private static Instant instant(ResultSet rs, String column, StatementContext ctx) throws SQLException {
        return ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, column, ctx);
    }
}
