package dev.tenantry.access;

import dev.tenantry.shared.TenantId;
import java.util.List;
import java.util.UUID;

/** The directory groups a principal belongs to, nested ones included: members inherit a group's role assignments. */
@FunctionalInterface
public interface GroupMemberships {

    /** The ids of every group {@code principalId} is a member of, directly or through other groups; never null. */
    List<UUID> transitiveGroupsOf(TenantId tenantId, UUID principalId);

    /** No groups at all, for wiring without a directory of groups. */
    static GroupMemberships none() {
        return (tenantId, principalId) -> List.of();
    }
}
