package dev.tenantry.directory.roles;

import dev.tenantry.directory.DirectoryAccess;
import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.DirectoryRole;
import dev.tenantry.directory.DirectoryRoleRepository;
import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.GlobalAdministrators;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserRepository;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.Transactions;
import dev.tenantry.shared.UserId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Use cases of directory roles (R10): activating them, who holds them, assigning and removing them. */
public final class DirectoryRoleService {

    private final DirectoryRoleRepository roles;
    private final UserRepository users;
    private final GlobalAdministrators globalAdministrators;
    private final DirectoryAccess access;
    private final Transactions transactions;

    public DirectoryRoleService(
            DirectoryRoleRepository roles,
            UserRepository users,
            GlobalAdministrators globalAdministrators,
            DirectoryAccess access,
            Transactions transactions) {
        this.roles = roles;
        this.users = users;
        this.globalAdministrators = globalAdministrators;
        this.access = access;
        this.transactions = transactions;
    }

    /** R10: the directory roles a user holds. */
    public Set<DirectoryRoleTemplate> rolesOf(Caller caller, TenantId tenantId, UserId userId) {
        access.requireReadRoles(caller, tenantId);
        return roles.rolesOf(tenantId, userId);
    }

    public List<DirectoryRole> activatedRoles(Caller caller, TenantId tenantId) {
        access.requireReadRoles(caller, tenantId);
        return roles.activated(tenantId);
    }

    /** A role by its object id or, as Graph allows, by its template id. */
    public DirectoryRole getRole(Caller caller, TenantId tenantId, String idOrTemplateId) {
        access.requireReadRoles(caller, tenantId);
        UUID id = Ids.parseUuid(idOrTemplateId, "directory role id");
        return roles.findById(tenantId, id)
                .or(() -> DirectoryRoleTemplate.byTemplateId(id).flatMap(t -> roles.activated(tenantId).stream()
                        .filter(r -> r.template() == t)
                        .findFirst()))
                .orElseThrow(() -> new NotFoundException(
                        DirectoryError.ROLE_NOT_FOUND,
                        "Directory role '" + idOrTemplateId + "' is not activated in this directory."));
    }

    public List<User> roleMembers(Caller caller, TenantId tenantId, String roleId) {
        DirectoryRole role = getRole(caller, tenantId, roleId);
        return usersOf(tenantId, roles.members(role));
    }

    /** Who in the caller's directory holds any of {@code templates}: for an error page that says whom to ask. */
    public List<User> holdersOf(Caller caller, TenantId tenantId, Set<DirectoryRoleTemplate> templates) {
        access.requireSameTenant(caller, tenantId);
        return usersOf(tenantId, roles.holders(tenantId, templates));
    }

    /** Activates a built-in role in the tenant (Graph {@code POST /directoryRoles}); Global Administrator only. */
    public DirectoryRole activateRole(Caller caller, TenantId tenantId, UUID templateId) {
        access.requireGlobalAdministrator(caller, tenantId, "activate directory roles");
        DirectoryRoleTemplate template = DirectoryRoleTemplate.byTemplateId(templateId)
                .orElseThrow(() -> new InvalidRequestException(
                        DirectoryError.UNKNOWN_ROLE_TEMPLATE,
                        "'" + templateId + "' is not the template id of a built-in role."));
        return roles.activate(tenantId, template);
    }

    /** Assigns a directory role to a user of the same directory; only a Global Administrator may. */
    public void assignRole(Caller caller, TenantId tenantId, DirectoryRoleTemplate template, UserId userId) {
        transactions.run(() -> {
            access.requireGlobalAdministrator(caller, tenantId, "assign directory roles");
            User user = users.findById(tenantId, userId)
                    .orElseThrow(() -> new NotFoundException(
                            DirectoryError.USER_NOT_FOUND, "User '" + userId + "' does not exist in this directory."));
            if (!roles.addMember(roles.activate(tenantId, template), user.id())) {
                throw new ConflictException(
                        DirectoryError.ROLE_ALREADY_ASSIGNED,
                        user.userPrincipalName() + " already holds " + template.displayName() + ".");
            }
        });
    }

    /** Removes a directory role from a user; the last enabled Global Administrator keeps the role (R8). */
    public void removeRole(Caller caller, TenantId tenantId, DirectoryRoleTemplate template, UserId userId) {
        transactions.run(() -> {
            globalAdministrators.lock(caller, tenantId);
            access.requireGlobalAdministrator(caller, tenantId, "remove directory roles");
            if (template == DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR) {
                globalAdministrators.requireAnother(tenantId, userId, "remove the role from");
            }
            if (!roles.removeMember(roles.activate(tenantId, template), userId)) {
                throw new NotFoundException(
                        DirectoryError.ROLE_NOT_ASSIGNED, "The user does not hold " + template.displayName() + ".");
            }
        });
    }

    /** Adds a member to a role given by object id or template id (Graph {@code members/$ref}); GA only. */
    public void addRoleMember(Caller caller, TenantId tenantId, String roleId, UserId userId) {
        transactions.run(() ->
                assignRole(caller, tenantId, getRole(caller, tenantId, roleId).template(), userId));
    }

    /** Removes a member from a role given by object id or template id; GA only. */
    public void removeRoleMember(Caller caller, TenantId tenantId, String roleId, UserId userId) {
        transactions.run(() ->
                removeRole(caller, tenantId, getRole(caller, tenantId, roleId).template(), userId));
    }

    private List<User> usersOf(TenantId tenantId, List<UserId> ids) {
        return ids.stream().flatMap(id -> users.findById(tenantId, id).stream()).toList();
    }
}
