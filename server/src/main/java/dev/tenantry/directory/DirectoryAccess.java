package dev.tenantry.directory;

import static dev.tenantry.directory.DirectoryRoleTemplate.APPLICATION_ADMINISTRATOR;
import static dev.tenantry.directory.DirectoryRoleTemplate.BILLING_ADMINISTRATOR;
import static dev.tenantry.directory.DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR;
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
        if (caller.homeTenant().filter(own -> !own.equals(tenantId)).isPresent()) {
            throw new NotFoundException(
                    DirectoryError.TENANT_NOT_FOUND,
                    "Directory '" + tenantId + "' does not exist or is not the caller's directory.");
        }
    }

    /**
     * Reading users, roles and the organization: any member user (through a Graph token, one of {@code scopes}); an
     * app granted one of {@code appPermissions}.
     */
    void requireRead(Caller caller, TenantId tenantId, List<String> scopes, GraphPermission... appPermissions) {
        requireSameTenant(caller, tenantId);
        requireScope(caller, scopes);
        if (caller instanceof Caller.App app) {
            requireAppPermission(app, appPermissions);
        }
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

    /** R6: buying a suite subscription with an existing account needs Global or Billing Administrator. */
    public void requireBillingRole(Caller caller, TenantId tenantId) {
        requireSameTenant(caller, tenantId);
        switch (caller) {
            case Caller.User user ->
                requireRole(user, EnumSet.of(GLOBAL_ADMINISTRATOR, BILLING_ADMINISTRATOR), "buy a suite subscription");
            case Caller.App ignored ->
                throw new AccessDeniedException(
                        DirectoryError.ROLE_REQUIRED,
                        "Buying a subscription needs a signed-in Global Administrator or Billing Administrator.",
                        List.of(GLOBAL_ADMINISTRATOR.displayName(), BILLING_ADMINISTRATOR.displayName()));
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
