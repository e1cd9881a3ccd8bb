package dev.tenantry.identity.storage;

import dev.tenantry.identity.DeviceCode;
import dev.tenantry.identity.DeviceCodeRepository;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import dev.tenantry.storage.SqlStates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Device authorizations in SQL ({@code device_code}); each change of state is one conditional UPDATE. */
public final class JdbiDeviceCodeRepository implements DeviceCodeRepository {

    private static final String COLUMNS = "device_code_hash, user_code, tenant_id, client_id, scope, created_at,"
            + " expires_at, state, user_id, last_polled_at, sid";

    private final Jdbi jdbi;

    public JdbiDeviceCodeRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean insert(DeviceCode code) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO device_code (" + COLUMNS + ") VALUES"
                            + " (:hash, :userCode, :tenantId, :clientId, :scope, :createdAt, :expiresAt, :state,"
                            + " :userId, :lastPolledAt, :sid)")
                    .bind("hash", code.deviceCodeHash())
                    .bind("userCode", code.userCode())
                    .bind(
                            "tenantId",
                            code.tenantId() == null ? null : code.tenantId().value())
                    .bind("clientId", code.clientId())
                    .bind("scope", code.scope())
                    .bind("createdAt", code.createdAt())
                    .bind("expiresAt", code.expiresAt())
                    .bind("state", code.state().name())
                    .bind("userId", code.userId() == null ? null : code.userId().value())
                    .bind("lastPolledAt", code.lastPolledAt())
                    .bind("sid", code.sid())
                    .execute());
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<DeviceCode> findByHash(String deviceCodeHash) {
        return find("device_code_hash", deviceCodeHash);
    }

    @Override
    public Optional<DeviceCode> findByUserCode(String userCode) {
        return find("user_code", userCode);
    }

    private Optional<DeviceCode> find(String column, String value) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT " + COLUMNS + " FROM device_code WHERE " + column + " = :value")
                        .bind("value", value)
                        .map(JdbiDeviceCodeRepository::map)
                        .findOne());
    }

    @Override
    public boolean decide(
            String userCode, DeviceCode.State decision, TenantId tenantId, UserId userId, String sid, Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE device_code SET state = :decision,"
                                + " tenant_id = :tenantId, user_id = :userId, sid = :sid WHERE user_code = :userCode"
                                + " AND state = 'PENDING' AND expires_at > :now")
                        .bind("decision", decision.name())
                        .bind("tenantId", tenantId.value())
                        .bind("userId", userId.value())
                        .bind("sid", sid)
                        .bind("userCode", userCode)
                        .bind("now", now)
                        .execute())
                == 1;
    }

    @Override
    public void polled(String deviceCodeHash, Instant at) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "UPDATE device_code SET last_polled_at = :at WHERE device_code_hash = :hash")
                .bind("at", at)
                .bind("hash", deviceCodeHash)
                .execute());
    }

    @Override
    public boolean redeem(String deviceCodeHash) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE device_code SET state = 'REDEEMED'"
                                + " WHERE device_code_hash = :hash AND state = 'APPROVED'")
                        .bind("hash", deviceCodeHash)
                        .execute())
                == 1;
    }

    @Override
    public int deleteExpired(Instant before) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM device_code WHERE expires_at < :before")
                .bind("before", before)
                .execute());
    }

    private static DeviceCode map(ResultSet rs, StatementContext ctx) throws SQLException {
        UUID tenant = rs.getObject("tenant_id", UUID.class);
        UUID user = rs.getObject("user_id", UUID.class);
        return new DeviceCode(
                rs.getString("device_code_hash"),
                rs.getString("user_code"),
                tenant == null ? null : new TenantId(tenant),
                rs.getObject("client_id", UUID.class),
                rs.getString("scope"),
                instant(rs, "created_at", ctx),
                instant(rs, "expires_at", ctx),
                DeviceCode.State.valueOf(rs.getString("state")),
                user == null ? null : new UserId(user),
                rs.getObject("last_polled_at") == null ? null : instant(rs, "last_polled_at", ctx),
                rs.getString("sid"));
    }

    private static Instant instant(ResultSet rs, String column, StatementContext ctx) throws SQLException {
        return ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, column, ctx);
    }
}
