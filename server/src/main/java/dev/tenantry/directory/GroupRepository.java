package dev.tenantry.directory;

import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores groups, their members (users and groups) and their owners (users). Deleting a user or a group removes its
 * memberships and ownerships with it. Lists are ordered by id unless they say otherwise.
 */
public interface GroupRepository {

    void insert(Group group);

    Optional<Group> findById(TenantId tenantId, UUID id);

    /**
     * A page of the tenant's groups matching every filter and, when {@code search} is not null, whose display name
     * contains it (case ignored); ordered by display name ignoring case, then id, keyed by
     * {@link Group#displayNameKey} when {@code byDisplayName}, else by id.
     */
    Page<Group> list(
            TenantId tenantId, List<GroupFilter> filters, String search, boolean byDisplayName, PageRequest page);

    /** How many groups {@link #list} would return over all pages. */
    long count(TenantId tenantId, List<GroupFilter> filters, String search);

    /** The tenant's Microsoft 365 group with this mail nickname (ignoring case), if any. */
    Optional<Group> findUnifiedByMailNickname(TenantId tenantId, String mailNickname);

    void update(Group group);

    /** Deletes the group with its memberships, its own members' links and its owners; false when there was none. */
    boolean delete(TenantId tenantId, UUID id);

    /** Adds {@code member} (a user or a group) to the group; false when it already was a member. */
    boolean addMember(TenantId tenantId, UUID groupId, DirectoryObject member);

    /** False when {@code memberId} was not a direct member. */
    boolean removeMember(TenantId tenantId, UUID groupId, UUID memberId);

    /** The direct members: users, then groups, each ordered by id. */
    List<DirectoryObject> members(TenantId tenantId, UUID groupId);

    /** Every user and group reached through the group's members, nested groups included, each once. */
    List<DirectoryObject> transitiveMembers(TenantId tenantId, UUID groupId);

    /** The groups {@code memberId} (a user or a group) is a direct member of. */
    List<Group> groupsOf(TenantId tenantId, UUID memberId);

    /** The groups {@code memberId} belongs to directly or through nested groups, each once. */
    List<Group> transitiveGroupsOf(TenantId tenantId, UUID memberId);

    /** Adds a user as owner; false when it already was one. */
    boolean addOwner(TenantId tenantId, UUID groupId, UserId owner);

    boolean removeOwner(TenantId tenantId, UUID groupId, UserId owner);

    /** The group's owners, ordered by id. */
    List<User> owners(TenantId tenantId, UUID groupId);

    boolean isOwner(TenantId tenantId, UUID groupId, UserId userId);

    /** The tenant's groups {@code owner} owns, ordered by id (Graph's {@code ownedObjects}). */
    List<Group> ownedBy(TenantId tenantId, UserId owner);
}
