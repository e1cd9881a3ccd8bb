package dev.tenantry.subscriptions;

import java.util.List;
import java.util.UUID;

/**
 * A suite SKU of the catalog, such as {@code ENTERPRISEPACK} (Office 365 E3), with its real {@code skuId} and
 * service plans.
 */
public record Sku(
        UUID skuId,
        String partNumber,
        String displayName,
        List<ServicePlan> servicePlans,
        int trialDays,
        int defaultSeats,
        int maxTrialSeats,
        int maxSeats) {

    public Sku {
        servicePlans = List.copyOf(servicePlans);
    }
}
