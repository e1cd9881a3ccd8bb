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

/**
 * Refresh token families in SQL (issue 13): one row per family, keyed by its id and rewritten in place at each
 * rotation, so a refresh writes one row and no index (the family's generation, token hash, scope and times change, no
 * indexed column does).
 */
public final class JdbiRefreshTokenRepository implements RefreshTokenRepository {

    private static final String INSERT = """
            INSERT INTO refresh_family
                (family_id, generation, token_hash, tenant_id, user_id, client_id, scope, sid, issued_at, expires_at,
                 revoked)
            VALUES (:familyId, :generation, :tokenHash, :tenantId, :userId, :clientId, :scope, :sid, :issuedAt,
                :expiresAt, FALSE)
            """;
    private static final String SELECT = """
            SELECT family_id, generation, token_hash, tenant_id, user_id, client_id, scope, sid, issued_at, expires_at,
                revoked
            FROM refresh_family WHERE family_id = :familyId
            """;
    private static final String ROTATE = """
            UPDATE refresh_family
            SET generation = :nextGeneration, token_hash = :nextHash, scope = :scope, issued_at = :issuedAt,
                expires_at = :expiresAt
            WHERE family_id = :familyId AND generation = :generation AND token_hash = :tokenHash AND revoked = FALSE
            """;

    private final Jdbi jdbi;

    public JdbiRefreshTokenRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(RefreshToken first) {
        jdbi.useHandle(handle -> handle.createUpdate(INSERT)
                .bind("familyId", first.familyId())
                .bind("generation", first.generation())
                .bind("tokenHash", first.tokenHash())
                .bind("tenantId", first.tenantId().value())
                .bind("userId", first.userId().value())
                .bind("clientId", first.clientId())
                .bind("scope", first.scope())
                .bind("sid", first.sid())
                .bind("issuedAt", first.issuedAt())
                .bind("expiresAt", first.expiresAt())
                .execute());
    }

    @Override
    public Optional<RefreshToken> findFamily(UUID familyId) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT)
                .bind("familyId", familyId)
                .map(JdbiRefreshTokenRepository::toToken)
                .findOne());
    }

    @Override
    public Optional<UUID> findLegacyFamily(String tokenHash) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT family_id FROM refresh_token_legacy WHERE token_hash = :tokenHash")
                        .bind("tokenHash", tokenHash)
                        .mapTo(UUID.class)
                        .findOne());
    }

    @Override
    public boolean rotate(RefreshToken current, RefreshToken next) {
        if (!current.familyId().equals(next.familyId())) {
            throw new IllegalArgumentException("a family rotates into itself");
        }
        return jdbi.withHandle(handle -> handle.createUpdate(ROTATE)
                        .bind("nextGeneration", next.generation())
                        .bind("nextHash", next.tokenHash())
                        .bind("scope", next.scope())
                        .bind("issuedAt", next.issuedAt())
                        .bind("expiresAt", next.expiresAt())
                        .bind("familyId", current.familyId())
                        .bind("generation", current.generation())
                        .bind("tokenHash", current.tokenHash())
                        .execute())
                == 1;
    }

    @Override
    public void revokeFamily(UUID familyId) {
        jdbi.useHandle(
                handle -> handle.createUpdate("UPDATE refresh_family SET revoked = TRUE WHERE family_id = :familyId")
                        .bind("familyId", familyId)
                        .execute());
    }

    @Override
    public int revokeAllOf(UserId userId) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE refresh_family SET revoked = TRUE WHERE user_id = :userId AND revoked = FALSE")
                .bind("userId", userId.value())
                .execute());
    }

    @Override
    public int deleteSpent(Instant now, Instant spentBefore) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                                DELETE FROM refresh_family
                                WHERE expires_at <= :now OR (revoked AND issued_at < :spentBefore)
                                """)
                        .bind("now", now)
                        .bind("spentBefore", spentBefore)
                        .execute()
                // a legacy token's hash is kept until it would have expired, so its replay still revokes its family
                + handle.createUpdate("DELETE FROM refresh_token_legacy WHERE expires_at <= :now")
                        .bind("now", now)
                        .execute()
                // authorization codes (issue 11) are kept past their expiry, so a late replay still revokes
                + handle.createUpdate("DELETE FROM authorization_code WHERE expires_at < :spentBefore")
                        .bind("spentBefore", spentBefore)
                        .execute());
    }

    private static RefreshToken toToken(ResultSet rs, StatementContext ctx) throws SQLException {
        return new RefreshToken(
                rs.getObject("family_id", UUID.class),
                rs.getInt("generation"),
                rs.getString("token_hash"),
                new TenantId(rs.getObject("tenant_id", UUID.class)),
                new UserId(rs.getObject("user_id", UUID.class)),
                rs.getObject("client_id", UUID.class),
                rs.getString("scope"),
                instant(rs, "issued_at", ctx),
                instant(rs, "expires_at", ctx),
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
