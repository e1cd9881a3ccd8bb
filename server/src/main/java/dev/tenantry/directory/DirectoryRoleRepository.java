package dev.tenantry.directory;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Stores activated directory roles and their members. */
public interface DirectoryRoleRepository {

    /** The tenant's role object for {@code template}, activating it (giving it an id) on first use. */
    DirectoryRole activate(TenantId tenantId, DirectoryRoleTemplate template);

    /** The roles activated in the tenant, in template order. */
    List<DirectoryRole> activated(TenantId tenantId);

    Optional<DirectoryRole> findById(TenantId tenantId, UUID roleId);

    /** Adds a member; false when the user already held the role. */
    boolean addMember(DirectoryRole role, UserId userId);

    boolean removeMember(DirectoryRole role, UserId userId);

    /** The ids of the role's members, ordered by id. */
    List<UserId> members(DirectoryRole role);

    /** The templates of every role the user holds; empty for none. */
    Set<DirectoryRoleTemplate> rolesOf(TenantId tenantId, UserId userId);

    /** The users of the tenant holding any of {@code templates}. */
    List<UserId> holders(TenantId tenantId, Set<DirectoryRoleTemplate> templates);
}
