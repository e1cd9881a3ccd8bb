package dev.tenantry.identity.storage;

import dev.tenantry.identity.WebSession;
import dev.tenantry.identity.WebSessionRepository;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Web sessions in SQL. */
public final class JdbiWebSessionRepository implements WebSessionRepository {

    private final Jdbi jdbi;

    public JdbiWebSessionRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(WebSession session, Instant createdAt) {
        // an anonymous session binds NULL ids, which PostgreSQL types as varchar unless the SQL casts them
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO web_session (id_hash, tenant_id, user_id, csrf_token, created_at, expires_at)
                        VALUES (:idHash, CAST(:tenantId AS UUID), CAST(:userId AS UUID), :csrf, :createdAt, :expiresAt)
                        """)
                .bind("idHash", session.idHash())
                .bindByType(
                        "tenantId",
                        session.tenantId() == null ? null : session.tenantId().value(),
                        UUID.class)
                .bindByType(
                        "userId",
                        session.userId() == null ? null : session.userId().value(),
                        UUID.class)
                .bind("csrf", session.csrfToken())
                .bind("createdAt", createdAt)
                .bind("expiresAt", session.expiresAt())
                .execute());
    }

    @Override
    public Optional<WebSession> find(String idHash, Instant now) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id_hash, tenant_id, user_id, csrf_token, expires_at FROM web_session
                        WHERE id_hash = :idHash AND expires_at > :now
                        """)
                .bind("idHash", idHash)
                .bind("now", now)
                .map((rs, ctx) -> {
                    UUID tenant = rs.getObject("tenant_id", UUID.class);
                    UUID user = rs.getObject("user_id", UUID.class);
                    return new WebSession(
                            rs.getString("id_hash"),
                            tenant == null ? null : new TenantId(tenant),
                            user == null ? null : new UserId(user),
                            rs.getString("csrf_token"),
                            ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "expires_at", ctx));
                })
                .findOne());
    }

    @Override
    public void delete(String idHash) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM web_session WHERE id_hash = :idHash")
                .bind("idHash", idHash)
                .execute());
    }

    @Override
    public void addClient(String idHash, UUID clientId) {
        jdbi.useHandle(handle -> {
            boolean known = handle.createQuery(
                                    "SELECT COUNT(*) FROM web_session_client WHERE id_hash = :idHash AND client_id = :clientId")
                            .bind("idHash", idHash)
                            .bind("clientId", clientId)
                            .mapTo(Integer.class)
                            .one()
                    > 0;
            if (!known) {
                handle.createUpdate("INSERT INTO web_session_client (id_hash, client_id) VALUES (:idHash, :clientId)")
                        .bind("idHash", idHash)
                        .bind("clientId", clientId)
                        .execute();
            }
        });
    }

    @Override
    public List<UUID> findClients(String idHash) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT client_id FROM web_session_client WHERE id_hash = :idHash ORDER BY client_id")
                .bind("idHash", idHash)
                .mapTo(UUID.class)
                .list());
    }

    @Override
    public int deleteExpired(Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM web_session WHERE expires_at <= :now")
                .bind("now", now)
                .execute());
    }

    @Override
    public int deleteAllOf(UserId userId) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM web_session WHERE user_id = :userId")
                .bind("userId", userId.value())
                .execute());
    }
}
