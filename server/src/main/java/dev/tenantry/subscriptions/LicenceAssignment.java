package dev.tenantry.subscriptions;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * R13: a licence of a suite SKU assigned directly to a user, with the SKU's service plans it turns off, and, when read
 * for a user, the standing of the SKU it draws on (Graph's {@code capabilityStatus}): its plans work while the SKU is
 * Enabled or Warning, not once it is Suspended.
 */
public record LicenceAssignment(
        TenantId tenantId,
        UserId userId,
        UUID skuId,
        List<UUID> disabledPlans,
        Instant assignedAt,
        SuiteSubscription.State capabilityStatus) {

    public LicenceAssignment {
        disabledPlans = List.copyOf(disabledPlans);
    }

    /** A licence as stored: its standing is Enabled until it is read with its SKU's subscriptions. */
    public LicenceAssignment(
            TenantId tenantId, UserId userId, UUID skuId, List<UUID> disabledPlans, Instant assignedAt) {
        this(tenantId, userId, skuId, disabledPlans, assignedAt, SuiteSubscription.State.ENABLED);
    }

    /** Whether the user has the SKU's service plans (those not disabled): not while its subscriptions are suspended. */
    public boolean plansWork() {
        return capabilityStatus == SuiteSubscription.State.ENABLED
                || capabilityStatus == SuiteSubscription.State.WARNING;
    }

    /** This licence with the standing of the SKU's subscriptions. */
    LicenceAssignment standing(SuiteSubscription.State status) {
        return new LicenceAssignment(tenantId, userId, skuId, disabledPlans, assignedAt, status);
    }
}
