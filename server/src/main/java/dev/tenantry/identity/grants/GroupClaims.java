package dev.tenantry.identity.grants;

import dev.tenantry.directory.DirectoryRole;
import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.Group;
import dev.tenantry.directory.GroupRepository;
import dev.tenantry.directory.User;
import dev.tenantry.directory.apps.GroupMembershipClaims;
import dev.tenantry.directory.roles.DirectoryRoleService;
import dev.tenantry.shared.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code groups} claim of a user's token (issue 9), as an app registration's {@code groupMembershipClaims} asks
 * for it: the object ids of the user's groups, nested ones included, and of its directory roles for {@code All} and
 * {@code DirectoryRole}. Past {@value #JWT_LIMIT} ids the token carries Entra's overage form instead, pointing at
 * Graph's {@code getMemberObjects} of the user on this server, so apps written for Entra's overage handling work.
 *
 * @see <a href="https://learn.microsoft.com/entra/identity-platform/id-token-claims-reference">ID token claims:
 *     groups, _claim_names, _claim_sources</a>
 */
final class GroupClaims {

    /** The most group ids Entra puts in a JWT; past it the claim is replaced by the overage form. */
    static final int JWT_LIMIT = 200;

    private final GroupRepository groups;
    private final DirectoryRoleService directoryRoles;

    GroupClaims(GroupRepository groups, DirectoryRoleService directoryRoles) {
        this.groups = groups;
        this.directoryRoles = directoryRoles;
    }

    /**
     * The claims to add to a token of {@code user} for an app asking for {@code setting}: none, {@code groups}, or
     * {@code _claim_names} with {@code _claim_sources} when there are too many; {@code baseUrl} is Graph's origin.
     */
    Map<String, Object> of(User user, GroupMembershipClaims setting, String baseUrl) {
        List<String> ids = objectIds(user, setting);
        if (ids.isEmpty()) {
            return Map.of();
        }
        if (ids.size() <= JWT_LIMIT) {
            return Map.of("groups", ids);
        }
        String endpoint = baseUrl + "/v1.0/users/" + user.id() + "/getMemberObjects";
        return Map.of(
                "_claim_names", Map.of("groups", "src1"),
                "_claim_sources", Map.of("src1", Map.of("endpoint", endpoint)));
    }

    private List<String> objectIds(User user, GroupMembershipClaims setting) {
        List<String> ids = new ArrayList<>();
        if (setting.includesGroups()) {
            for (Group group :
                    groups.transitiveGroupsOf(user.tenantId(), user.id().value())) {
                if (group.securityEnabled() || setting.includesNonSecurityGroups()) {
                    ids.add(group.id().toString());
                }
            }
        }
        if (setting.includesDirectoryRoles()) {
            Set<DirectoryRoleTemplate> held = directoryRoles.rolesOf(Caller.system(), user.tenantId(), user.id());
            if (!held.isEmpty()) {
                directoryRoles.activatedRoles(Caller.system(), user.tenantId()).stream()
                        .filter(role -> held.contains(role.template()))
                        .map(DirectoryRole::id)
                        .forEach(id -> ids.add(id.toString()));
            }
        }
        return ids;
    }
}
