package dev.tenantry.subscriptions;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stores the licences assigned to users and groups (R13), and what users inherit from groups; a user's or a group's
 * licences go when it is deleted.
 */
public interface LicenceRepository {

    /** Assigns the licence, or replaces the disabled plans of the same user and SKU. */
    void save(LicenceAssignment assignment);

    /** Takes the user's licence of {@code skuId} away; false when the user had none. */
    boolean remove(TenantId tenantId, UserId userId, UUID skuId);

    /** The user's licences, ordered by SKU id. */
    List<LicenceAssignment> byUser(TenantId tenantId, UserId userId);

    /** The licences of {@code skuId} assigned directly to users of the directory, ordered by user id. */
    List<LicenceAssignment> bySku(TenantId tenantId, UUID skuId);

    /** What users of the directory inherit of {@code skuId} from groups, ordered by user id then group id. */
    List<InheritedLicence> inheritedOfSku(TenantId tenantId, UUID skuId);

    /**
     * Takes every licence of {@code skuId} in the directory away, direct and by groups (its last subscription was
     * deleted); how many direct ones there were.
     */
    int removeSku(TenantId tenantId, UUID skuId);

    /**
     * How many users of the directory hold a licence of each SKU, directly or through a group (each user once); SKUs
     * nobody holds are absent.
     */
    Map<UUID, Integer> assignedBySku(TenantId tenantId);

    /** Assigns the licence to the group, or replaces its disabled plans. */
    void saveGroupLicence(GroupLicence licence);

    /** Takes the group's licence of {@code skuId} away, with what its members inherited of it; false when none. */
    boolean removeGroupLicence(TenantId tenantId, UUID groupId, UUID skuId);

    /** The group's licences, ordered by SKU id. */
    List<GroupLicence> groupLicences(TenantId tenantId, UUID groupId);

    /** What the user inherits from groups, active or in error, ordered by SKU id then group id. */
    List<InheritedLicence> inheritedBy(TenantId tenantId, UserId userId);

    /** What the group's members inherit from it, ordered by user id then SKU id. */
    List<InheritedLicence> inheritedFrom(TenantId tenantId, UUID groupId);

    /** Sets what the group's members inherit from it to {@code inherited}, dropping every other row of the group. */
    void replaceInherited(TenantId tenantId, UUID groupId, List<InheritedLicence> inherited);
}
