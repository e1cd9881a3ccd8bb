package dev.tenantry.directory;

import dev.tenantry.shared.TenantId;
import java.util.UUID;

/**
 * Told, inside the changing transaction, that a group's direct members changed: group-based licensing (issue 9)
 * gives the new members the group's licences and takes them from those who left.
 */
@FunctionalInterface
public interface GroupMembershipListener {

    void membersChanged(TenantId tenantId, UUID groupId);

    /** A listener that does nothing, for wiring without licences. */
    GroupMembershipListener NONE = (tenantId, groupId) -> {};
}
