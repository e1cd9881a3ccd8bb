package dev.tenantry.identity.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.app.Services;
import dev.tenantry.app.Stores;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.NewUser;
import dev.tenantry.identity.Lockout;
import dev.tenantry.identity.LockoutPolicy;
import dev.tenantry.identity.RefreshToken;
import dev.tenantry.identity.RetentionPurge;
import dev.tenantry.identity.WebSession;
import dev.tenantry.shared.Secrets;
import dev.tenantry.storage.Database;
import dev.tenantry.storage.JdbiIdempotencyRecords;
import dev.tenantry.storage.MasterKey;
import dev.tenantry.subscriptions.storage.CatalogFile;
import dev.tenantry.testing.PlainPasswordHasher;
import dev.tenantry.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The purge against the real SQL on H2, at a fixed instant: what is expired goes, what is live stays. */
class RetentionPurgeTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Duration HOUR = Duration.ofHours(1);

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final Database database = TestDatabases.h2();
    final JdbiWebSessionRepository sessions = new JdbiWebSessionRepository(database.jdbi());
    final JdbiRefreshTokenRepository refreshTokens = new JdbiRefreshTokenRepository(database.jdbi());
    final JdbiIdempotencyRecords idempotency = new JdbiIdempotencyRecords(database.jdbi());
    final JdbiLockoutRepository lockouts = new JdbiLockoutRepository(database.jdbi());
    final RetentionPurge purge = new RetentionPurge(sessions, refreshTokens, idempotency, lockouts, clock);
    final CreatedDirectory contoso = Services.wire(
                    Stores.sql(database.jdbi(), MasterKey.of(new byte[32])),
                    new PlainPasswordHasher(),
                    new Services.Settings("onmicrosoft.test", null, CatalogFile.load(null), LockoutPolicy.defaults()),
                    clock)
            .tenants()
            .createDirectory("Contoso", "US", "contoso", NewUser.of("Kelley Wall", "admin", "Passw0rd!x"));

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    void session(String idHash, Instant expiresAt) {
        sessions.insert(
                new WebSession(idHash, contoso.tenant().id(), contoso.admin().id(), "csrf", expiresAt),
                expiresAt.minus(HOUR));
    }

    UUID refreshToken(Instant issuedAt, Instant expiresAt, boolean revoked) {
        UUID family = UUID.randomUUID();
        refreshTokens.insert(new RefreshToken(
                family,
                0,
                Secrets.sha256Hex(family.toString()),
                contoso.tenant().id(),
                contoso.admin().id(),
                UUID.randomUUID(),
                "openid",
                issuedAt,
                expiresAt,
                false,
                null));
        if (revoked) {
            refreshTokens.revokeFamily(family);
        }
        return family;
    }

    void legacyToken(String hash, Instant expiresAt) {
        database.jdbi()
                .useHandle(handle -> handle.createUpdate("INSERT INTO refresh_token_legacy (token_hash, family_id,"
                                + " expires_at) VALUES (:hash, :family, :expiresAt)")
                        .bind("hash", hash)
                        .bind("family", UUID.randomUUID())
                        .bind("expiresAt", expiresAt)
                        .execute());
    }

    void lockout(String subject, Instant lastFailureAt, Instant lockedUntil) {
        lockouts.update(subject, none -> new Lockout(subject, 1, lastFailureAt, lockedUntil, 1, lastFailureAt));
    }

    @Test
    @DisplayName("issue 7.10: expired web sessions are purged, live ones kept")
    void expiredWebSessionsGoLiveOnesStay() {
        session("expired", NOW.minusSeconds(1));
        session("live", NOW.plus(HOUR));

        RetentionPurge.Purged purged = purge.run();

        assertThat(purged.webSessions()).isEqualTo(1);
        assertThat(sessions.find("live", NOW.minus(HOUR))).isPresent();
        assertThat(sessions.find("expired", NOW.minus(HOUR))).isEmpty();
    }

    @Test
    @DisplayName("issue 7.10: expired and long-revoked refresh token families are purged, with the legacy hashes of"
            + " tokens that expired; live and recent kept")
    void spentRefreshTokensGoLiveAndRecentOnesStay() {
        Instant later = NOW.plus(Duration.ofDays(30));
        Instant twoDaysAgo = NOW.minus(Duration.ofDays(2));
        UUID expired = refreshToken(twoDaysAgo, NOW.minusSeconds(1), false);
        UUID revokedTwoDaysAgo = refreshToken(twoDaysAgo, later, true);
        UUID live = refreshToken(twoDaysAgo, later, false);
        UUID revokedToday = refreshToken(NOW.minus(HOUR), later, true);
        legacyToken("legacy-expired", NOW.minusSeconds(1));
        legacyToken("legacy-live", later);

        RetentionPurge.Purged purged = purge.run();

        assertThat(purged.refreshTokens()).isEqualTo(3);
        assertThat(refreshTokens.findFamily(live)).isPresent();
        assertThat(refreshTokens.findFamily(revokedToday)).isPresent();
        assertThat(refreshTokens.findFamily(expired)).isEmpty();
        assertThat(refreshTokens.findFamily(revokedTwoDaysAgo)).isEmpty();
        assertThat(refreshTokens.findLegacyFamily("legacy-live")).isPresent();
        assertThat(refreshTokens.findLegacyFamily("legacy-expired")).isEmpty();
    }

    @Test
    @DisplayName("issue 7.10: idempotency records older than 24 h are purged, younger ones kept")
    void idempotencyRecordsOlderThanADayGo() {
        idempotency.claim("caller", "/api/x", "old", "hash", NOW.minus(Duration.ofHours(25)));
        idempotency.claim("caller", "/api/x", "young", "hash", NOW.minus(Duration.ofHours(23)));

        RetentionPurge.Purged purged = purge.run();

        assertThat(purged.idempotencyRecords()).isEqualTo(1);
        assertThat(idempotency.find("caller", "/api/x", "young")).isPresent();
        assertThat(idempotency.find("caller", "/api/x", "old")).isEmpty();
    }

    @Test
    @DisplayName("issue 7.10: lockout counts idle for a day are purged; recent ones and locks in force kept")
    void staleLockoutCountsGo() {
        Instant twoDaysAgo = NOW.minus(Duration.ofDays(2));
        lockout("user:stale", twoDaysAgo, twoDaysAgo.plusSeconds(60));
        lockout("user:recent", NOW.minus(HOUR), null);
        lockout("user:still-locked", twoDaysAgo, NOW.plus(HOUR));

        RetentionPurge.Purged purged = purge.run();

        assertThat(purged.lockouts()).isEqualTo(1);
        assertThat(lockouts.find("user:stale")).isEmpty();
        assertThat(lockouts.find("user:recent")).isPresent();
        assertThat(lockouts.find("user:still-locked")).isPresent();
    }

    @Test
    @DisplayName("issue 7.8: a lockout count round-trips through SQL, and a second update sees the first")
    void lockoutUpdatesAccumulate() {
        lockouts.update("user:x", none -> new Lockout("user:x", 1, NOW, null, 0, NOW));

        Lockout second = lockouts.update(
                "user:x",
                current -> new Lockout(
                        "user:x", current.failures() + 1, current.windowStartedAt(), null, 0, NOW.plusSeconds(1)));

        assertThat(second.failures()).isEqualTo(2);
        assertThat(lockouts.find("user:x")).contains(second);
    }
}
