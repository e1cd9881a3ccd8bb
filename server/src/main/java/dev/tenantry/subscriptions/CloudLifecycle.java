package dev.tenantry.subscriptions;

import java.time.Duration;
import java.time.Instant;

/**
 * How long the stages of a cloud subscription's life last, as Azure has them: a free trial ({@code MS-AZR-0044P})
 * runs 30 days and is then disabled; a disabled (cancelled) subscription is kept 90 days, during which it can be
 * re-enabled, and is then deleted.
 *
 * @see <a href="https://learn.microsoft.com/azure/cost-management-billing/manage/cancel-azure-subscription">Cancel
 *     and delete your Azure subscription</a>
 */
public final class CloudLifecycle {

    /** How long a free trial runs. */
    public static final Duration TRIAL = Duration.ofDays(30);

    /** How long a disabled subscription is kept before it is deleted. */
    public static final Duration RETENTION = Duration.ofDays(90);

    private CloudLifecycle() {}

    /** Whether the offer is a free trial, by its catalog quota id ({@code FreeTrial_2014-09-01}). */
    static boolean isFreeTrial(Offer offer) {
        return offer != null && offer.quotaId() != null && offer.quotaId().startsWith("FreeTrial");
    }

    /** When a trial created at {@code createdAt} ends. */
    static Instant trialEnd(Instant createdAt) {
        return createdAt.plus(TRIAL);
    }
}
