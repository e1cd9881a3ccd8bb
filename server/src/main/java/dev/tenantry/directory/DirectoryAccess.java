package dev.tenantry.directory;

import static dev.tenantry.directory.DirectoryRoleTemplate.APPLICATION_ADMINISTRATOR;
import static dev.tenantry.directory.DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR;
import static dev.tenantry.directory.DirectoryRoleTemplate.GLOBAL_READER;
import static dev.tenantry.directory.DirectoryRoleTemplate.GUEST_INVITER;
import static dev.tenantry.directory.DirectoryRoleTemplate.USER_ADMINISTRATOR;

import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The directory's authorization checks, shared by every use case and so by every surface (C3). A user acts with the
 * directory roles it holds now (not those in an older token); an application with the Graph permissions granted to
 * its service principal.
 */
public final class DirectoryAccess {

    private final DirectoryRoleRepository roles;

    public DirectoryAccess(DirectoryRoleRepository roles) {
        this.roles = roles;
    }

    /** R14: a caller reaches only its own directory. Another directory's objects look as if they did not exist. */
    public void requireSameTenant(Caller caller, TenantId tenantId) {
        if (caller.actingTenant().filter(own -> !own.equals(tenantId)).isPresent()) {
            throw new NotFoundException(
                    DirectoryError.TENANT_NOT_FOUND,
                    "Directory '" + tenantId + "' does not exist or is not the caller's directory.");
        }
    }

    /**
     * Reading users, roles and the organization: any member user (through a Graph token, one of {@code scopes}); an
     * app granted one of {@code appPermissions}.
     */
    private void requireRead(Caller caller, TenantId tenantId, List<String> scopes, GraphPermission... appPermissions) {
        requireSameTenant(caller, tenantId);
        requireScope(caller, scopes);
        if (caller instanceof Caller.App app) {
            requireAppPermission(app, appPermissions);
        }
    }

    /** Reading the signed-in user's own profile ({@code User.Read}), or any user's with a wider scope. */
    public void requireReadOwnProfile(Caller caller, TenantId tenantId) {
        requireRead(caller, tenantId, GraphScopes.READ_OWN_PROFILE, ReadPermissions.USERS);
    }

    /** Reading the directory's users; a guest without a directory role reads only itself (Entra's default). */
    public void requireReadUsers(Caller caller, TenantId tenantId) {
        requireRead(caller, tenantId, GraphScopes.READ_USERS, ReadPermissions.USERS);
        refuseRestrictedGuest(caller, "read the directory's users");
    }

    /** Reading groups, their members and owners, and who is in which group; not a guest without a role. */
    public void requireReadGroups(Caller caller, TenantId tenantId) {
        requireRead(caller, tenantId, GraphScopes.READ_GROUPS, ReadPermissions.GROUPS);
        refuseRestrictedGuest(caller, "read the directory's groups");
    }

    /**
     * Inviting guests (issue 10): a Global Administrator, User Administrator or Guest Inviter, or any member when
     * {@code membersCanInvite} (Entra's default); a guest only through one of those roles. An app needs
     * {@code User.Invite.All}, {@code User.ReadWrite.All} or {@code Directory.ReadWrite.All}.
     */
    public void requireInviteGuests(Caller caller, TenantId tenantId, boolean membersCanInvite) {
        requireSameTenant(caller, tenantId);
        requireScope(caller, GraphScopes.INVITE_GUESTS);
        switch (caller) {
            case Caller.User user -> {
                if (user.isGuest() || !membersCanInvite) {
                    requireRole(
                            user,
                            EnumSet.of(GLOBAL_ADMINISTRATOR, USER_ADMINISTRATOR, GUEST_INVITER),
                            user.isGuest()
                                    ? "invite guests as a guest of this directory"
                                    : "invite guests (members may not invite in this directory)");
                }
            }
            case Caller.App app ->
                requireAppPermission(
                        app,
                        GraphPermission.USER_INVITE_ALL,
                        GraphPermission.USER_READWRITE_ALL,
                        GraphPermission.DIRECTORY_READWRITE_ALL);
            case Caller.Operator ignored -> {}
        }
    }

    /**
     * Entra's default guest restrictions: a guest reads its own profile and what it is given, but does not enumerate
     * the directory unless a directory role says otherwise.
     */
    private void refuseRestrictedGuest(Caller caller, String action) {
        if (caller instanceof Caller.User user
                && user.isGuest()
                && roles.rolesOf(user.tenantId(), user.userId()).isEmpty()) {
            throw new AccessDeniedException(
                    DirectoryError.ROLE_REQUIRED,
                    "Guests cannot " + action + ": guest access is restricted in this directory. Ask an "
                            + "administrator of the directory for a directory role (such as Directory Readers).",
                    List.of(DIRECTORY_READERS_NAME));
        }
    }

    private static final String DIRECTORY_READERS_NAME = DirectoryRoleTemplate.DIRECTORY_READERS.displayName();

    /**
     * Creating a group: any member of the directory, as Entra allows by default (not a guest); an app granted
     * {@code Group.ReadWrite.All} or {@code Directory.ReadWrite.All}.
     */
    public void requireCreateGroups(Caller caller, TenantId tenantId) {
        requireSameTenant(caller, tenantId);
        requireScope(caller, GraphScopes.MANAGE_GROUPS);
        switch (caller) {
            case Caller.User user -> {
                if (user.isGuest()) {
                    throw new AccessDeniedException(
                            DirectoryError.ROLE_REQUIRED,
                            "Guests cannot create groups in this directory; a member of the directory can.",
                            List.of());
                }
            }
            case Caller.App app ->
                requireAppPermission(app, GraphPermission.GROUP_READWRITE_ALL, GraphPermission.DIRECTORY_READWRITE_ALL);
            case Caller.Operator ignored -> {}
        }
    }

    /**
     * Changing or deleting a group ({@code members} false) or its members and owners ({@code members} true): a Global
     * or User Administrator, or an owner of the group ({@code owner}); an app with a write permission.
     */
    public void requireManageGroup(Caller caller, TenantId tenantId, boolean owner, boolean members) {
        requireSameTenant(caller, tenantId);
        requireScope(caller, members ? GraphScopes.MANAGE_GROUP_MEMBERS : GraphScopes.MANAGE_GROUPS);
        switch (caller) {
            case Caller.User user -> {
                if (!owner) {
                    requireRole(
                            user,
                            EnumSet.of(GLOBAL_ADMINISTRATOR, USER_ADMINISTRATOR),
                            "change a group you do not own");
                }
            }
            case Caller.App app -> {
                if (members) {
                    requireAppPermission(
                            app,
                            GraphPermission.GROUP_READWRITE_ALL,
                            GraphPermission.GROUPMEMBER_READWRITE_ALL,
                            GraphPermission.DIRECTORY_READWRITE_ALL);
                } else {
                    requireAppPermission(
                            app, GraphPermission.GROUP_READWRITE_ALL, GraphPermission.DIRECTORY_READWRITE_ALL);
                }
            }
            case Caller.Operator ignored -> {}
        }
    }

    /**
     * Reading the audit log: a Global Administrator or Global Reader (through Graph, with {@code AuditLog.Read.All});
     * an app granted {@code AuditLog.Read.All}.
     */
    public void requireReadAuditLogs(Caller caller, TenantId tenantId) {
        requireSameTenant(caller, tenantId);
        requireScope(caller, GraphScopes.READ_AUDIT_LOGS);
        switch (caller) {
            case Caller.User user ->
                requireRole(user, EnumSet.of(GLOBAL_ADMINISTRATOR, GLOBAL_READER), "read the audit log");
            case Caller.App app -> requireAppPermission(app, GraphPermission.AUDITLOG_READ_ALL);
            case Caller.Operator ignored -> {}
        }
    }

    /** Reading directory roles and their members. */
    public void requireReadRoles(Caller caller, TenantId tenantId) {
        requireRead(caller, tenantId, GraphScopes.READ_ROLES, ReadPermissions.ROLES);
        refuseRestrictedGuest(caller, "read the directory's roles");
    }

    /** Reading the organization's profile (Graph's {@code /organization}), which {@code User.Read} allows. */
    public void requireReadOrganizationProfile(Caller caller, TenantId tenantId) {
        requireRead(caller, tenantId, GraphScopes.READ_ORGANIZATION_PROFILE, ReadPermissions.ORGANIZATION);
    }

    /** Reading the organization's subscriptions (subscribed SKUs) and everything an administrator's view shows. */
    public void requireReadOrganization(Caller caller, TenantId tenantId) {
        requireRead(caller, tenantId, GraphScopes.READ_ORGANIZATION, ReadPermissions.ORGANIZATION);
    }

    /** Creating, changing and deleting users: Global or User Administrator; an app with a write permission. */
    public void requireManageUsers(Caller caller, TenantId tenantId) {
        requireSameTenant(caller, tenantId);
        requireScope(caller, GraphScopes.MANAGE_USERS);
        switch (caller) {
            case Caller.User user ->
                requireRole(user, EnumSet.of(GLOBAL_ADMINISTRATOR, USER_ADMINISTRATOR), "manage users");
            case Caller.App app ->
                requireAppPermission(app, GraphPermission.USER_READWRITE_ALL, GraphPermission.DIRECTORY_READWRITE_ALL);
            case Caller.Operator ignored -> {}
        }
    }

    /** Reading app registrations and service principals: any member user; an app granted a read permission. */
    public void requireReadApplications(Caller caller, TenantId tenantId) {
        requireRead(caller, tenantId, GraphScopes.READ_APPLICATIONS, ReadPermissions.APPLICATIONS);
        refuseRestrictedGuest(caller, "read the directory's applications");
    }

    /** Writing app registrations, secrets and service principals: Global or Application Administrator. */
    public void requireManageApplications(Caller caller, TenantId tenantId) {
        requireSameTenant(caller, tenantId);
        requireScope(caller, GraphScopes.MANAGE_APPLICATIONS);
        switch (caller) {
            case Caller.User user ->
                requireRole(user, EnumSet.of(GLOBAL_ADMINISTRATOR, APPLICATION_ADMINISTRATOR), "manage applications");
            case Caller.App app -> requireAppPermission(app, GraphPermission.APPLICATION_READWRITE_ALL);
            case Caller.Operator ignored -> {}
        }
    }

    /** What a caller does with token lifetime policies, which decides the Graph permissions it needs (issue 11). */
    public enum PolicyUse {
        /** Listing or reading policies ({@code GET /policies/tokenLifetimePolicies}). */
        READ,
        /** Creating, changing or deleting policies. */
        WRITE,
        /** Listing, assigning or unassigning an application's policy ({@code …/tokenLifetimePolicies/$ref}). */
        ASSIGN
    }

    /**
     * Token lifetime policies (issue 11): a Global or Application Administrator, with the Graph permissions Graph's
     * reference names per endpoint. Reading takes {@code Policy.Read.All} or
     * {@code Policy.ReadWrite.ApplicationConfiguration}; writing {@code Policy.ReadWrite.ApplicationConfiguration};
     * an application's assignment {@code Application.ReadWrite.All} and one of the two policy permissions. Delegated
     * tokens need the same scopes (or {@code Directory.AccessAsUser.All}), applications the same app roles.
     *
     * @see <a href="https://learn.microsoft.com/graph/api/tokenlifetimepolicy-post-tokenlifetimepolicies">Create
     *     tokenLifetimePolicy</a>
     * @see <a href="https://learn.microsoft.com/graph/api/application-post-tokenlifetimepolicies">Assign
     *     tokenLifetimePolicy</a>
     */
    public void requireTokenLifetimePolicies(Caller caller, TenantId tenantId, PolicyUse use) {
        requireSameTenant(caller, tenantId);
        requireScope(
                caller,
                use == PolicyUse.WRITE
                        ? GraphScopes.MANAGE_APPLICATION_POLICIES
                        : GraphScopes.READ_APPLICATION_POLICIES);
        if (use == PolicyUse.ASSIGN) {
            requireScope(caller, GraphScopes.MANAGE_APPLICATIONS);
        }
        switch (caller) {
            case Caller.User user ->
                requireRole(
                        user,
                        EnumSet.of(GLOBAL_ADMINISTRATOR, APPLICATION_ADMINISTRATOR),
                        "manage token lifetime policies");
            case Caller.App app -> {
                if (use == PolicyUse.WRITE) {
                    requireAppPermission(app, GraphPermission.POLICY_READWRITE_APPLICATIONCONFIGURATION);
                } else {
                    requireAppPermission(app, ReadPermissions.APPLICATION_POLICIES);
                }
                if (use == PolicyUse.ASSIGN) {
                    requireAppPermission(app, GraphPermission.APPLICATION_READWRITE_ALL);
                }
            }
            case Caller.Operator ignored -> {}
        }
    }

    /**
     * Changing one app registration or service principal, its secrets or its owners: an owner of it ({@code owner})
     * needs no directory role, as in Entra; anyone else is a Global or Application Administrator. An app needs
     * {@code Application.ReadWrite.All} either way.
     */
    public void requireManageApplication(Caller caller, TenantId tenantId, boolean owner) {
        if (!owner || !(caller instanceof Caller.User)) {
            requireManageApplications(caller, tenantId);
            return;
        }
        requireSameTenant(caller, tenantId);
        requireScope(caller, GraphScopes.MANAGE_APPLICATIONS);
    }

    /**
     * Assigning an app's roles to users, groups and service principals (issue 11): an owner of the resource's service
     * principal ({@code owner}), a Global or Application Administrator; a delegated token needs
     * {@code AppRoleAssignment.ReadWrite.All}, an application {@code Application.ReadWrite.All}.
     */
    public void requireAssignAppRoles(Caller caller, TenantId tenantId, boolean owner) {
        requireSameTenant(caller, tenantId);
        requireScope(caller, GraphScopes.MANAGE_APP_ROLE_ASSIGNMENTS);
        switch (caller) {
            case Caller.User user -> {
                if (!owner) {
                    requireRole(user, EnumSet.of(GLOBAL_ADMINISTRATOR, APPLICATION_ADMINISTRATOR), "assign app roles");
                }
            }
            case Caller.App app ->
                requireAppPermission(
                        app, GraphPermission.APPLICATION_READWRITE_ALL, GraphPermission.DIRECTORY_READWRITE_ALL);
            case Caller.Operator ignored -> {}
        }
    }

    /** Assigning directory roles: a Global Administrator only. */
    public void requireGlobalAdministrator(Caller caller, TenantId tenantId, String action) {
        requireGlobalAdministrator(caller, tenantId, action, GraphScopes.MANAGE_ROLES);
    }

    /** Granting or revoking application permissions: a Global Administrator only. */
    public void requireGlobalAdministratorToGrant(Caller caller, TenantId tenantId, String action) {
        requireGlobalAdministrator(caller, tenantId, action, GraphScopes.MANAGE_APP_ROLE_ASSIGNMENTS);
    }

    private void requireGlobalAdministrator(Caller caller, TenantId tenantId, String action, List<String> scopes) {
        requireSameTenant(caller, tenantId);
        requireScope(caller, scopes);
        switch (caller) {
            case Caller.User user -> requireRole(user, EnumSet.of(GLOBAL_ADMINISTRATOR), action);
            case Caller.App ignored ->
                throw new AccessDeniedException(
                        DirectoryError.ROLE_REQUIRED,
                        "Only a Global Administrator can " + action + "; an application cannot.",
                        List.of(GLOBAL_ADMINISTRATOR.displayName()));
            case Caller.Operator ignored -> {}
        }
    }

    /**
     * A signed-in user of the directory holding any of {@code anyOf}, for rules of other features (R6 in subscriptions);
     * an application is refused with {@code appRefusal}.
     */
    public void requireUserWithRole(
            Caller caller, TenantId tenantId, Set<DirectoryRoleTemplate> anyOf, String action, String appRefusal) {
        requireSameTenant(caller, tenantId);
        switch (caller) {
            case Caller.User user -> requireRole(user, anyOf, action);
            case Caller.App ignored ->
                throw new AccessDeniedException(
                        DirectoryError.ROLE_REQUIRED,
                        appRefusal,
                        anyOf.stream().map(DirectoryRoleTemplate::displayName).toList());
            case Caller.Operator ignored -> {}
        }
    }

    /**
     * Issue 7.6: performing {@code action} on {@code target} as {@link UserActionTable} allows for the roles the
     * target holds, so a User Administrator cannot take over a Billing Administrator by resetting its password.
     */
    public void requireUserAction(Caller caller, TenantId tenantId, UserAction action, UserId target) {
        requireSameTenant(caller, tenantId);
        Set<DirectoryRoleTemplate> targetRoles = roles.rolesOf(tenantId, target);
        List<String> names = UserActionTable.rolesAllowing(action, targetRoles).stream()
                .map(DirectoryRoleTemplate::displayName)
                .toList();
        String whom = targetRoles.isEmpty() ? "this user" : "a user who holds " + roleNames(targetRoles);
        switch (caller) {
            case Caller.User user -> {
                if (!UserActionTable.allowsUser(roles.rolesOf(user.tenantId(), user.userId()), action, targetRoles)) {
                    throw new AccessDeniedException(
                            DirectoryError.ROLE_REQUIRED,
                            "To " + action.phrase() + " " + whom + " you need the " + String.join(" or the ", names)
                                    + " role in this directory.",
                            names);
                }
            }
            case Caller.App app -> {
                if (!UserActionTable.allowsApp(app.roles(), action, targetRoles)) {
                    throw new AccessDeniedException(
                            DirectoryError.ROLE_REQUIRED,
                            "An application cannot " + action.phrase() + " " + whom + "; a signed-in "
                                    + String.join(" or ", names) + " can.",
                            names);
                }
            }
            case Caller.Operator ignored -> {}
        }
    }

    private static String roleNames(Set<DirectoryRoleTemplate> held) {
        return String.join(
                ", ", held.stream().map(DirectoryRoleTemplate::displayName).toList());
    }

    private void requireRole(Caller.User user, Set<DirectoryRoleTemplate> anyOf, String action) {
        Set<DirectoryRoleTemplate> held = roles.rolesOf(user.tenantId(), user.userId());
        if (anyOf.stream().noneMatch(held::contains)) {
            List<String> names =
                    anyOf.stream().map(DirectoryRoleTemplate::displayName).toList();
            throw new AccessDeniedException(
                    DirectoryError.ROLE_REQUIRED,
                    "To " + action + " you need the " + String.join(" or the ", names) + " role in this directory. "
                            + "Ask a Global Administrator of the directory to assign it.",
                    names);
        }
    }

    /**
     * A user acting through a Graph access token is bound by its delegated scopes as well as by its roles: a token
     * asked for {@code User.Read} reads the user's own profile and nothing more, whatever roles the user holds.
     */
    private static void requireScope(Caller caller, List<String> anyOf) {
        if (!(caller instanceof Caller.User user) || user.graphScopes().isEmpty()) {
            return;
        }
        Set<String> held = user.graphScopes().get();
        if (anyOf.stream().noneMatch(scope -> held.stream().anyMatch(scope::equalsIgnoreCase))) {
            throw new AccessDeniedException(
                    DirectoryError.SCOPE_REQUIRED,
                    "Insufficient privileges to complete the operation: the access token's delegated permissions ("
                            + (held.isEmpty()
                                    ? "none"
                                    : String.join(" ", held.stream().sorted().toList()))
                            + ") do not include any of " + String.join(", ", anyOf)
                            + ". Request a token with one of them.",
                    anyOf);
        }
    }

    private static void requireAppPermission(Caller.App app, GraphPermission... anyOf) {
        if (Arrays.stream(anyOf).noneMatch(p -> app.roles().contains(p.value()))) {
            List<String> names =
                    Arrays.stream(anyOf).map(GraphPermission::value).toList();
            throw new AccessDeniedException(
                    DirectoryError.PERMISSION_REQUIRED,
                    "The application needs one of these application permissions, granted by an administrator: "
                            + String.join(", ", names) + ".",
                    names);
        }
    }
}
