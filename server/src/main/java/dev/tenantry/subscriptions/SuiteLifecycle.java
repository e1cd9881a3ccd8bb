package dev.tenantry.subscriptions;

import java.time.Duration;

/**
 * How long each stage of a suite subscription's life lasts, in one place, as Microsoft 365 has them: a trial runs the
 * catalog's {@code trialDays} (30 by default); an ended trial or lapsed subscription is Expired ({@code Warning}) for
 * a 30-day grace period in which its licences still work; then Disabled ({@code Suspended}) for 90 days, its users
 * without the service plans; then Deleted, its licences removed. Cancelling disables at once.
 *
 * @see <a href="https://learn.microsoft.com/microsoft-365/commerce/subscriptions/what-if-my-subscription-expires">What
 *     happens to my data and access when my Microsoft 365 for business subscription ends?</a>
 */
public final class SuiteLifecycle {

    /** The Expired stage ({@code Warning}): licences still work, the administrator can buy or reactivate. */
    public static final Duration GRACE = Duration.ofDays(30);

    /** The Disabled stage ({@code Suspended}): users lose the service plans, data is kept, reactivation is possible. */
    public static final Duration DISABLED = Duration.ofDays(90);

    private SuiteLifecycle() {}

    /** How long {@code state} lasts before the next one starts, or null when it lasts until someone acts. */
    static Duration lengthOf(SuiteSubscription.State state) {
        return switch (state) {
            case WARNING -> GRACE;
            case SUSPENDED -> DISABLED;
            case ENABLED, DELETED -> null;
        };
    }
}
