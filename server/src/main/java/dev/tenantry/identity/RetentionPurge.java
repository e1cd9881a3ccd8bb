package dev.tenantry.identity;

import dev.tenantry.shared.IdempotencyRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes state the server no longer needs (issue 7.10): expired web sessions; refresh tokens that expired, or were
 * used or revoked more than a day ago; idempotency records older than 24 h; lockout counts with no failure for a day
 * and no lock in force. Each step is one idempotent {@code DELETE … WHERE}, so several nodes may run it at once.
 *
 * <p>A used refresh token is kept for a day so that its replay still revokes its whole family (RFC 9700 §4.14.2);
 * after that a replay is refused as an unknown token.
 */
public final class RetentionPurge {

    /** How long used and revoked refresh tokens, idempotency records and idle lockout counts are kept. */
    public static final Duration RETENTION = Duration.ofHours(24);

    private final WebSessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final IdempotencyRecords idempotency;
    private final LockoutRepository lockouts;
    private final Clock clock;

    public RetentionPurge(
            WebSessionRepository sessions,
            RefreshTokenRepository refreshTokens,
            IdempotencyRecords idempotency,
            LockoutRepository lockouts,
            Clock clock) {
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.idempotency = idempotency;
        this.lockouts = lockouts;
        this.clock = clock;
    }

    /** How many rows one run deleted, per kind. */
    public record Purged(int webSessions, int refreshTokens, int idempotencyRecords, int lockouts) {

        public int total() {
            return webSessions + refreshTokens + idempotencyRecords + lockouts;
        }
    }

    public Purged run() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(RETENTION);
        return new Purged(
                sessions.deleteExpired(now),
                refreshTokens.deleteSpent(now, cutoff),
                idempotency.deleteCreatedBefore(cutoff),
                lockouts.deleteStale(cutoff, now));
    }
}
