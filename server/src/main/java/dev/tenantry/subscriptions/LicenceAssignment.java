package dev.tenantry.subscriptions;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** R13: a licence of a suite SKU assigned directly to a user, with the SKU's service plans it turns off. */
public record LicenceAssignment(
        TenantId tenantId, UserId userId, UUID skuId, List<UUID> disabledPlans, Instant assignedAt) {

    public LicenceAssignment {
        disabledPlans = List.copyOf(disabledPlans);
    }
}
