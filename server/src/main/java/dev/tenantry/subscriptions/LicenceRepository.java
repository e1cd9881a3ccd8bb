package dev.tenantry.subscriptions;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Stores the licences assigned to users (R13); a user's licences go when the user is deleted. */
public interface LicenceRepository {

    /** Assigns the licence, or replaces the disabled plans of the same user and SKU. */
    void save(LicenceAssignment assignment);

    /** Takes the user's licence of {@code skuId} away; false when the user had none. */
    boolean remove(TenantId tenantId, UserId userId, UUID skuId);

    /** The user's licences, ordered by SKU id. */
    List<LicenceAssignment> byUser(TenantId tenantId, UserId userId);

    /** Takes every licence of {@code skuId} in the directory away (its last subscription was deleted); how many. */
    int removeSku(TenantId tenantId, UUID skuId);

    /** How many users of the directory hold a licence of each SKU; SKUs nobody holds are absent. */
    Map<UUID, Integer> assignedBySku(TenantId tenantId);
}
