package dev.tenantry.directory.storage;

import dev.tenantry.directory.ExternalUserState;
import dev.tenantry.directory.Guest;
import dev.tenantry.directory.GuestError;
import dev.tenantry.directory.GuestRepository;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import dev.tenantry.storage.SqlStates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.statement.Update;

/** Guest links and guest settings in SQL; a link goes with its guest user object (ON DELETE CASCADE). */
public final class JdbiGuestRepository implements GuestRepository {

    private static final String COLUMNS = "user_id, tenant_id, invited_email, home_tenant_id, home_user_id, state,"
            + " state_changed_at, redirect_url, redeem_token_hash, invited_by, created_at";

    private static final String INSERT = """
            INSERT INTO guest_invitation (user_id, tenant_id, invited_email, invited_email_key, home_tenant_id,
                home_user_id, state, state_changed_at, redirect_url, redeem_token_hash, invited_by, created_at)
            VALUES (:userId, :tenantId, :email, :emailKey, :homeTenantId, :homeUserId, :state, :stateChangedAt,
                :redirectUrl, :tokenHash, :invitedBy, :createdAt)
            """;

    private static final String UPDATE = """
            UPDATE guest_invitation SET home_tenant_id = :homeTenantId, home_user_id = :homeUserId, state = :state,
                state_changed_at = :stateChangedAt, redirect_url = :redirectUrl, redeem_token_hash = :tokenHash
            WHERE user_id = :userId AND tenant_id = :tenantId
            """;

    private final Jdbi jdbi;

    public JdbiGuestRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(Guest guest) {
        write(INSERT, guest, update -> update.bind("email", guest.invitedEmail())
                .bind("emailKey", guest.invitedEmailKey())
                .bindByType("invitedBy", guest.invitedBy(), UUID.class)
                .bind("createdAt", guest.createdAt()));
    }

    @Override
    public void update(Guest guest) {
        write(UPDATE, guest, update -> {});
    }

    /** Runs {@code sql} with the guest's changing columns bound, and {@code more}; a clash is a conflict. */
    private void write(String sql, Guest guest, Consumer<Update> more) {
        try {
            jdbi.useHandle(handle -> {
                Update update = handle.createUpdate(sql)
                        .bind("userId", guest.userId().value())
                        .bind("tenantId", guest.tenantId().value())
                        .bindByType("homeTenantId", homeTenant(guest), UUID.class)
                        .bindByType("homeUserId", homeUser(guest), UUID.class)
                        .bind("state", guest.state().name())
                        .bind("stateChangedAt", guest.stateChangedAt())
                        .bind("redirectUrl", guest.redirectUrl())
                        .bind("tokenHash", guest.redeemTokenHash());
                more.accept(update);
                update.execute();
            });
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw new ConflictException(
                        GuestError.ALREADY_INVITED,
                        "'" + guest.invitedEmail() + "' has already been invited into this directory.",
                        "invitedUserEmailAddress");
            }
            throw e;
        }
    }

    @Override
    public Optional<Guest> find(TenantId tenantId, UserId userId) {
        return one("tenant_id = :tenantId AND user_id = :userId", tenantId, "userId", userId.value());
    }

    @Override
    public Optional<Guest> findByEmail(TenantId tenantId, String emailKey) {
        return one("tenant_id = :tenantId AND invited_email_key = :key", tenantId, "key", emailKey);
    }

    @Override
    public Optional<Guest> findByHome(TenantId tenantId, Caller.Account home) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM guest_invitation"
                                + " WHERE tenant_id = :tenantId AND home_user_id = :homeUserId AND home_tenant_id = :homeTenantId")
                .bind("tenantId", tenantId.value())
                .bind("homeUserId", home.userId().value())
                .bind("homeTenantId", home.tenantId().value())
                .map(JdbiGuestRepository::toGuest)
                .findOne());
    }

    @Override
    public List<Guest> acceptedOf(Caller.Account home) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM guest_invitation"
                        + " WHERE home_user_id = :homeUserId AND home_tenant_id = :homeTenantId AND state = :state"
                        + " ORDER BY created_at, user_id")
                .bind("homeUserId", home.userId().value())
                .bind("homeTenantId", home.tenantId().value())
                .bind("state", ExternalUserState.ACCEPTED.name())
                .map(JdbiGuestRepository::toGuest)
                .list());
    }

    @Override
    public List<UserId> guestObjectsOf(UserId homeUserId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT user_id FROM guest_invitation WHERE home_user_id = :homeUserId ORDER BY user_id")
                .bind("homeUserId", homeUserId.value())
                .mapTo(UUID.class)
                .map(UserId::new)
                .list());
    }

    @Override
    public List<Guest> list(TenantId tenantId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM guest_invitation WHERE tenant_id = :tenantId ORDER BY invited_email_key, user_id")
                .bind("tenantId", tenantId.value())
                .map(JdbiGuestRepository::toGuest)
                .list());
    }

    @Override
    public Optional<Caller.Account> findMemberAccount(String emailKey) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT tenant_id, id FROM directory_user WHERE user_type = 'MEMBER'
                            AND (upn_key = :key OR LOWER(mail) = :key)
                        ORDER BY CASE WHEN upn_key = :key THEN 0 ELSE 1 END, id
                        FETCH FIRST 1 ROWS ONLY
                        """)
                .bind("key", emailKey)
                .map((rs, ctx) -> new Caller.Account(
                        new TenantId(rs.getObject("tenant_id", UUID.class)),
                        new UserId(rs.getObject("id", UUID.class))))
                .findOne());
    }

    @Override
    public boolean membersCanInvite(TenantId tenantId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                                "SELECT members_can_invite FROM guest_settings WHERE tenant_id = :tenantId")
                        .bind("tenantId", tenantId.value())
                        .mapTo(Boolean.class)
                        .findOne())
                .orElse(true);
    }

    @Override
    public void setMembersCanInvite(TenantId tenantId, boolean allowed) {
        jdbi.useTransaction(handle -> {
            int updated = handle.createUpdate(
                            "UPDATE guest_settings SET members_can_invite = :allowed WHERE tenant_id = :tenantId")
                    .bind("tenantId", tenantId.value())
                    .bind("allowed", allowed)
                    .execute();
            if (updated == 0) {
                handle.createUpdate("INSERT INTO guest_settings (tenant_id, members_can_invite) VALUES (:tenantId,"
                                + " :allowed)")
                        .bind("tenantId", tenantId.value())
                        .bind("allowed", allowed)
                        .execute();
            }
        });
    }

    private Optional<Guest> one(String where, TenantId tenantId, String name, Object value) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT " + COLUMNS + " FROM guest_invitation WHERE " + where)
                        .bind("tenantId", tenantId.value())
                        .bind(name, value)
                        .map(JdbiGuestRepository::toGuest)
                        .findOne());
    }

    private static UUID homeTenant(Guest guest) {
        return guest.homeAccount().map(home -> home.tenantId().value()).orElse(null);
    }

    private static UUID homeUser(Guest guest) {
        return guest.homeAccount().map(home -> home.userId().value()).orElse(null);
    }

    private static Guest toGuest(ResultSet rs, StatementContext ctx) throws SQLException {
        UUID homeTenant = rs.getObject("home_tenant_id", UUID.class);
        UUID homeUser = rs.getObject("home_user_id", UUID.class);
        var instants = ctx.findColumnMapperFor(Instant.class).orElseThrow();
        return new Guest(
                new UserId(rs.getObject("user_id", UUID.class)),
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                rs.getString("invited_email"),
                homeTenant == null || homeUser == null
                        ? null
                        : new Caller.Account(new TenantId(homeTenant), new UserId(homeUser)),
                ExternalUserState.valueOf(rs.getString("state")),
                instants.map(rs, "state_changed_at", ctx),
                rs.getString("redirect_url"),
                rs.getString("redeem_token_hash"),
                rs.getObject("invited_by", UUID.class),
                instants.map(rs, "created_at", ctx));
    }
}
