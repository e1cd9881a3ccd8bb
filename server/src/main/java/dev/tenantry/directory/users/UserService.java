package dev.tenantry.directory.users;

import dev.tenantry.directory.Audit;
import dev.tenantry.directory.DirectoryAccess;
import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.DirectoryRole;
import dev.tenantry.directory.DirectoryRoleRepository;
import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.GlobalAdministrators;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.NewUsers;
import dev.tenantry.directory.PasswordHasher;
import dev.tenantry.directory.PasswordPolicy;
import dev.tenantry.directory.SignInRevoker;
import dev.tenantry.directory.Tenant;
import dev.tenantry.directory.TenantRepository;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserAction;
import dev.tenantry.directory.UserFilter;
import dev.tenantry.directory.UserPatch;
import dev.tenantry.directory.UserRepository;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.RuleViolationException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.Transactions;
import dev.tenantry.shared.UserId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Use cases of a directory's users: creating, reading, listing, changing and deleting them. */
public final class UserService {

    private final TenantRepository tenants;
    private final UserRepository users;
    private final DirectoryRoleRepository roles;
    private final NewUsers newUsers;
    private final GlobalAdministrators globalAdministrators;
    private final DirectoryAccess access;
    private final PasswordHasher passwords;
    private final SignInRevoker signIns;
    private final Audit audit;
    private final Transactions transactions;

    public UserService(
            TenantRepository tenants,
            UserRepository users,
            DirectoryRoleRepository roles,
            NewUsers newUsers,
            GlobalAdministrators globalAdministrators,
            DirectoryAccess access,
            PasswordHasher passwords,
            SignInRevoker signIns,
            Audit audit,
            Transactions transactions) {
        this.tenants = tenants;
        this.users = users;
        this.roles = roles;
        this.newUsers = newUsers;
        this.globalAdministrators = globalAdministrators;
        this.access = access;
        this.passwords = passwords;
        this.signIns = signIns;
        this.audit = audit;
        this.transactions = transactions;
    }

    public User createUser(Caller caller, TenantId tenantId, NewUser newUser) {
        return transactions.inTransaction(() -> {
            access.requireManageUsers(caller, tenantId);
            Tenant tenant = tenants.findById(tenantId)
                    .orElseThrow(() -> new NotFoundException(
                            DirectoryError.TENANT_NOT_FOUND, "Directory '" + tenantId + "' does not exist."));
            User created = newUsers.insert(tenant, newUser, null);
            record(caller, tenantId, "Add user", "Add", created);
            return created;
        });
    }

    /** A user of the tenant by object id or user principal name. */
    public User getUser(Caller caller, TenantId tenantId, String idOrUpn) {
        access.requireReadOwnProfile(caller, tenantId);
        User user = findUser(tenantId, idOrUpn)
                .orElseThrow(() -> new NotFoundException(
                        DirectoryError.USER_NOT_FOUND, "User '" + idOrUpn + "' does not exist in this directory."));
        if (!(caller instanceof Caller.User self && self.userId().equals(user.id()))) {
            // User.Read reads the signed-in user's own profile only
            access.requireReadUsers(caller, tenantId);
        }
        return user;
    }

    public Page<User> listUsers(Caller caller, TenantId tenantId, List<UserFilter> filters, PageRequest page) {
        access.requireReadUsers(caller, tenantId);
        return users.list(tenantId, filters, page);
    }

    /** The tenant's users ordered by display name, as the consoles list them. */
    public Page<User> listUsersByDisplayName(
            Caller caller, TenantId tenantId, List<UserFilter> filters, PageRequest page) {
        access.requireReadUsers(caller, tenantId);
        return users.listByDisplayName(tenantId, filters, page);
    }

    public User updateUser(Caller caller, TenantId tenantId, String idOrUpn, UserPatch patch) {
        return transactions.inTransaction(() -> {
            boolean disabling = Boolean.FALSE.equals(patch.accountEnabled());
            if (disabling) {
                globalAdministrators.lock(caller, tenantId);
            }
            Set<UserAction> actions = UserAction.of(patch);
            if (!actions.equals(Set.of(UserAction.RESET_PASSWORD))) {
                // a password alone is what a Helpdesk Administrator may set; anything else needs a user manager
                access.requireManageUsers(caller, tenantId);
            }
            User current = getUser(caller, tenantId, idOrUpn);
            actions.forEach(action -> access.requireUserAction(caller, tenantId, action, current.id()));
            if (disabling && current.accountEnabled()) {
                globalAdministrators.requireAnother(tenantId, current.id(), "disable");
            }
            User updated = newUsers.patched(current, patch);
            users.update(updated);
            if (patch.password() != null) {
                PasswordPolicy.check(patch.password(), current.userPrincipalName());
                users.setPasswordHash(current.id(), passwords.hash(patch.password()));
            }
            if (patch.password() != null || disabling) {
                signIns.revokeSignIns(current.id());
            }
            // Entra's activity names: a password alone is a reset, turning sign-in off a disable
            String activity = actions.equals(Set.of(UserAction.RESET_PASSWORD))
                    ? "Reset user password"
                    : disabling && current.accountEnabled() ? "Disable account" : "Update user";
            record(caller, tenantId, activity, "Update", updated);
            return updated;
        });
    }

    public void resetPassword(Caller caller, TenantId tenantId, String idOrUpn, String newPassword) {
        updateUser(caller, tenantId, idOrUpn, new UserPatch(null, null, null, null, null, null, null, newPassword));
    }

    public void deleteUser(Caller caller, TenantId tenantId, String idOrUpn) {
        transactions.run(() -> {
            globalAdministrators.lock(caller, tenantId);
            access.requireManageUsers(caller, tenantId);
            User user = getUser(caller, tenantId, idOrUpn);
            if (caller instanceof Caller.User self && self.userId().equals(user.id())) {
                throw new RuleViolationException(
                        DirectoryError.CANNOT_DELETE_SELF, "You cannot delete your own account.");
            }
            access.requireUserAction(caller, tenantId, UserAction.DELETE, user.id());
            globalAdministrators.requireAnother(tenantId, user.id(), "delete");
            signIns.revokeSignIns(user.id());
            users.delete(tenantId, user.id());
            record(caller, tenantId, "Delete user", "Delete", user);
        });
    }

    /** An entry of the directory's audit log (category UserManagement) about {@code user}, in the caller's work. */
    private void record(Caller caller, TenantId tenantId, String activity, String operation, User user) {
        audit.record(
                caller,
                tenantId,
                Audit.USER_MANAGEMENT,
                activity,
                operation,
                List.of(Audit.userTarget(user.id(), user.userPrincipalName())));
    }

    /** R10: the activated directory roles a user (by id or UPN) holds, as Graph's {@code memberOf} lists them. */
    public List<DirectoryRole> memberOf(Caller caller, TenantId tenantId, String userIdOrUpn) {
        User user = getUser(caller, tenantId, userIdOrUpn);
        access.requireReadRoles(caller, tenantId);
        Set<DirectoryRoleTemplate> held = roles.rolesOf(tenantId, user.id());
        return roles.activated(tenantId).stream()
                .filter(role -> held.contains(role.template()))
                .toList();
    }

    private Optional<User> findUser(TenantId tenantId, String idOrUpn) {
        Optional<UUID> id = Ids.tryParse(idOrUpn);
        if (id.isPresent()) {
            return users.findById(tenantId, new UserId(id.get()));
        }
        return users.findByUpn(idOrUpn == null ? "" : idOrUpn)
                .filter(u -> u.tenantId().equals(tenantId));
    }
}
