package dev.tenantry.subscriptions;

import dev.tenantry.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Issue 9: a licence of a suite SKU assigned to a group, reaching the group's direct user members. */
public record GroupLicence(TenantId tenantId, UUID groupId, UUID skuId, List<UUID> disabledPlans, Instant assignedAt) {

    public GroupLicence {
        disabledPlans = List.copyOf(disabledPlans);
    }
}
