package dev.tenantry.identity.storage;

import dev.tenantry.identity.AuthorizationCode;
import dev.tenantry.identity.RefreshToken;
import dev.tenantry.identity.RefreshTokenRepository;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Refresh tokens in SQL, by the SHA-256 of their text. */
public final class JdbiRefreshTokenRepository implements RefreshTokenRepository {

    private static final String INSERT = """
            INSERT INTO refresh_token
                (token_hash, family_id, tenant_id, user_id, client_id, scope, issued_at, expires_at, used_at, revoked,
                 sid)
            VALUES (:tokenHash, :familyId, :tenantId, :userId, :clientId, :scope, :issuedAt, :expiresAt, NULL, FALSE,
                :sid)
            """;
    private static final String SELECT = """
            SELECT token_hash, family_id, tenant_id, user_id, client_id, scope, issued_at, expires_at, used_at, revoked,
                sid
            FROM refresh_token WHERE token_hash = :tokenHash
            """;
    private static final String MARK_USED = """
            UPDATE refresh_token SET used_at = :usedAt
            WHERE token_hash = :tokenHash AND used_at IS NULL AND revoked = FALSE
            """;

    private final Jdbi jdbi;

    public JdbiRefreshTokenRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(RefreshToken token) {
        jdbi.useHandle(handle -> handle.createUpdate(INSERT)
                .bind("tokenHash", token.tokenHash())
                .bind("familyId", token.familyId())
                .bind("tenantId", token.tenantId().value())
                .bind("userId", token.userId().value())
                .bind("clientId", token.clientId())
                .bind("scope", token.scope())
                .bind("issuedAt", token.issuedAt())
                .bind("expiresAt", token.expiresAt())
                .bind("sid", token.sid())
                .execute());
    }

    @Override
    public Optional<RefreshToken> findByHash(String tokenHash) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT)
                .bind("tokenHash", tokenHash)
                .map(JdbiRefreshTokenRepository::toToken)
                .findOne());
    }

    @Override
    public boolean markUsed(String tokenHash, Instant usedAt) {
        return jdbi.withHandle(handle -> handle.createUpdate(MARK_USED)
                        .bind("tokenHash", tokenHash)
                        .bind("usedAt", usedAt)
                        .execute())
                == 1;
    }

    @Override
    public void revokeFamily(UUID familyId) {
        jdbi.useHandle(
                handle -> handle.createUpdate("UPDATE refresh_token SET revoked = TRUE WHERE family_id = :familyId")
                        .bind("familyId", familyId)
                        .execute());
    }

    @Override
    public int revokeAllOf(UserId userId) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE refresh_token SET revoked = TRUE WHERE user_id = :userId AND revoked = FALSE")
                .bind("userId", userId.value())
                .execute());
    }

    @Override
    public int deleteSpent(Instant now, Instant spentBefore) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                                DELETE FROM refresh_token
                                WHERE expires_at <= :now OR used_at < :spentBefore
                                    OR (revoked AND issued_at < :spentBefore)
                                """)
                        .bind("now", now)
                        .bind("spentBefore", spentBefore)
                        .execute()
                // authorization codes (issue 11) are kept past their expiry, so a late replay still revokes
                + handle.createUpdate("DELETE FROM authorization_code WHERE expires_at < :spentBefore")
                        .bind("spentBefore", spentBefore)
                        .execute());
    }

    private static RefreshToken toToken(ResultSet rs, StatementContext ctx) throws SQLException {
        return new RefreshToken(
                rs.getString("token_hash"),
                rs.getObject("family_id", UUID.class),
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                new UserId(rs.getObject("user_id", UUID.class)),
                rs.getObject("client_id", UUID.class),
                rs.getString("scope"),
                instant(rs, "issued_at", ctx),
                instant(rs, "expires_at", ctx),
                instant(rs, "used_at", ctx),
                rs.getBoolean("revoked"),
                rs.getString("sid"));
    }

    private static Instant instant(ResultSet rs, String column, StatementContext ctx) throws SQLException {
        return ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, column, ctx);
    }

    @Override
    public void insertCode(AuthorizationCode code) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO authorization_code (code_hash, family_id, tenant_id, user_id, client_id,
                            redirect_uri, scope, scp, nonce, code_challenge, issued_at, expires_at, used_at, sid)
                        VALUES (:codeHash, :familyId, :tenantId, :userId, :clientId, :redirectUri, :scope, :scp,
                            :nonce, :codeChallenge, :issuedAt, :expiresAt, NULL, :sid)
                        """)
                .bind("codeHash", code.codeHash())
                .bind("familyId", code.familyId())
                .bind("tenantId", code.tenantId().value())
                .bind("userId", code.userId().value())
                .bind("clientId", code.clientId())
                .bind("redirectUri", code.redirectUri())
                .bind("scope", code.scope())
                .bind("scp", code.scp())
                .bind("nonce", code.nonce())
                .bind("codeChallenge", code.codeChallenge())
                .bind("issuedAt", code.issuedAt())
                .bind("expiresAt", code.expiresAt())
                .bind("sid", code.sid())
                .execute());
    }

    @Override
    public Optional<AuthorizationCode> findCode(String codeHash) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT code_hash, family_id, tenant_id, user_id, client_id, redirect_uri, scope, scp, nonce,
                            code_challenge, issued_at, expires_at, used_at, sid
                        FROM authorization_code WHERE code_hash = :codeHash
                        """)
                .bind("codeHash", codeHash)
                .map((rs, ctx) -> new AuthorizationCode(
                        rs.getString("code_hash"),
                        rs.getObject("family_id", UUID.class),
                        new TenantId(rs.getObject("tenant_id", UUID.class)),
                        new UserId(rs.getObject("user_id", UUID.class)),
                        rs.getObject("client_id", UUID.class),
                        rs.getString("redirect_uri"),
                        rs.getString("scope"),
                        rs.getString("scp"),
                        rs.getString("nonce"),
                        rs.getString("code_challenge"),
                        instant(rs, "issued_at", ctx),
                        instant(rs, "expires_at", ctx),
                        instant(rs, "used_at", ctx),
                        rs.getString("sid")))
                .findOne());
    }

    @Override
    public boolean spendCode(String codeHash, Instant usedAt) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE authorization_code SET used_at = :usedAt "
                                + "WHERE code_hash = :codeHash AND used_at IS NULL")
                        .bind("codeHash", codeHash)
                        .bind("usedAt", usedAt)
                        .execute())
                == 1;
    }
}
