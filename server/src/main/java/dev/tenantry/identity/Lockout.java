package dev.tenantry.identity;

import java.time.Duration;
import java.time.Instant;

/**
 * The failed-credential count of one subject (an account, a bucket of unknown user names, or a client): failures in
 * the current window, the lock in force if any, and how many lockouts came before (each lasts longer).
 *
 * @param subject who is counted, for example {@code user:<id>}; never a password or a user name in clear
 * @param failures failures since {@code windowStartedAt}
 * @param windowStartedAt when the current counting window began; null when nothing is counted
 * @param lockedUntil end of the lock in force or of the last one; null when never locked
 * @param lockouts how many times the subject was locked since its state was last forgotten
 * @param lastFailureAt the latest failure, which decides when the state may be forgotten
 */
public record Lockout(
        String subject,
        int failures,
        Instant windowStartedAt,
        Instant lockedUntil,
        int lockouts,
        Instant lastFailureAt) {

    /** A subject with no failures. */
    public static Lockout none(String subject) {
        return new Lockout(subject, 0, null, null, 0, null);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** How long the lock in force lasts from {@code now}, at least one second. */
    public Duration remainingAt(Instant now) {
        Duration left = lockedUntil == null ? Duration.ZERO : Duration.between(now, lockedUntil);
        long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
        return Duration.ofSeconds(seconds);
    }

    /** The state after one more failure at {@code now}: counted in its window, and locked at the threshold. */
    public Lockout afterFailure(Instant now, LockoutPolicy policy) {
        if (lockedAt(now)) {
            return this;
        }
        boolean newWindow = windowStartedAt == null || !now.isBefore(windowStartedAt.plus(policy.window()));
        int counted = newWindow ? 1 : failures + 1;
        if (counted >= policy.threshold()) {
            int nth = lockouts + 1;
            return new Lockout(subject, 0, null, now.plus(policy.duration(nth)), nth, now);
        }
        return new Lockout(subject, counted, newWindow ? now : windowStartedAt, lockedUntil, lockouts, now);
    }
}
