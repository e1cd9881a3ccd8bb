package dev.tenantry.identity;

import java.time.Duration;

/**
 * When repeated failures lock a credential (issue 7.8), after Entra's smart lockout: {@code threshold} failures
 * within {@code window} lock it for {@code firstLockout}, and each further lockout before the state is forgotten
 * doubles that, up to {@code longestLockout}.
 *
 * @see <a href="https://learn.microsoft.com/entra/identity/authentication/howto-password-smart-lockout">Entra smart
 *     lockout</a>
 */
public record LockoutPolicy(int threshold, Duration window, Duration firstLockout, Duration longestLockout) {

    public LockoutPolicy {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
    }

    /** Entra's defaults: 10 failures, a 60-second first lockout; ours count them within 10 minutes, lock ≤ 15 min. */
    public static LockoutPolicy defaults() {
        return new LockoutPolicy(10, Duration.ofMinutes(10), Duration.ofSeconds(60), Duration.ofMinutes(15));
    }

    /** How long the {@code nth} lockout (1 for the first) lasts. */
    public Duration duration(int nth) {
        Duration duration = firstLockout;
        for (int i = 1; i < nth && duration.compareTo(longestLockout) < 0; i++) {
            duration = duration.multipliedBy(2);
        }
        return duration.compareTo(longestLockout) > 0 ? longestLockout : duration;
    }
}
