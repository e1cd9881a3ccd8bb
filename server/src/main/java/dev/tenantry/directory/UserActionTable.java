package dev.tenantry.directory;

import static dev.tenantry.directory.DirectoryRoleTemplate.DIRECTORY_READERS;
import static dev.tenantry.directory.DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR;
import static dev.tenantry.directory.DirectoryRoleTemplate.GUEST_INVITER;
import static dev.tenantry.directory.DirectoryRoleTemplate.HELPDESK_ADMINISTRATOR;
import static dev.tenantry.directory.DirectoryRoleTemplate.USER_ADMINISTRATOR;
import static dev.tenantry.directory.UserAction.DELETE;
import static dev.tenantry.directory.UserAction.ENABLE_OR_DISABLE;
import static dev.tenantry.directory.UserAction.RESET_PASSWORD;
import static dev.tenantry.directory.UserAction.UPDATE_PROFILE;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may act on which user: Entra ID's tables "Who can reset passwords" and "Who can perform sensitive actions"
 * (https://learn.microsoft.com/entra/identity/role-based-access-control/privileged-roles-permissions), restricted to
 * the roles Tenantry has. Each row of the acting side lists, per action, the roles a target may hold; a target with no
 * role is covered by every row that has the action, and a target with several roles must be covered for each. Every
 * surface reaches it through {@link DirectoryAccess#requireUserAction}.
 */
public final class UserActionTable {

    private static final Set<DirectoryRoleTemplate> EVERY_ROLE = EnumSet.allOf(DirectoryRoleTemplate.class);
    private static final Set<DirectoryRoleTemplate> ALL_BUT_GLOBAL_ADMINISTRATOR =
            EnumSet.complementOf(EnumSet.of(GLOBAL_ADMINISTRATOR));

    /** "Limited admins": the rows a User Administrator has a tick in, among Tenantry's roles. */
    private static final Set<DirectoryRoleTemplate> LIMITED_ADMINISTRATORS =
            EnumSet.of(DIRECTORY_READERS, HELPDESK_ADMINISTRATOR, USER_ADMINISTRATOR, GUEST_INVITER);

    private static final Set<DirectoryRoleTemplate> HELPDESK_TARGETS =
            EnumSet.of(DIRECTORY_READERS, HELPDESK_ADMINISTRATOR, GUEST_INVITER);

    /** Roles of the acting user; the profile column stands for the Graph and admin center edits that are not sensitive. */
    private static final Map<DirectoryRoleTemplate, Map<UserAction, Set<DirectoryRoleTemplate>>> BY_ROLE = Map.of(
            GLOBAL_ADMINISTRATOR, row(EVERY_ROLE, EVERY_ROLE, EVERY_ROLE),
            USER_ADMINISTRATOR, row(ALL_BUT_GLOBAL_ADMINISTRATOR, LIMITED_ADMINISTRATORS, LIMITED_ADMINISTRATORS),
            HELPDESK_ADMINISTRATOR, Map.of(RESET_PASSWORD, HELPDESK_TARGETS));

    /**
     * Application permissions: User.ReadWrite.All and Directory.ReadWrite.All change profiles (not a Global
     * Administrator's), and disable or delete only users with no administrator role; they never reset a password
     * (Entra needs User-PasswordProfile.ReadWrite.All or a directory role for that, which Tenantry does not grant).
     */
    private static final Map<UserAction, Set<DirectoryRoleTemplate>> WRITE_PERMISSION = Map.of(
            UPDATE_PROFILE, ALL_BUT_GLOBAL_ADMINISTRATOR,
            ENABLE_OR_DISABLE, EnumSet.of(DIRECTORY_READERS),
            DELETE, EnumSet.of(DIRECTORY_READERS));

    private static final Map<GraphPermission, Map<UserAction, Set<DirectoryRoleTemplate>>> BY_PERMISSION = Map.of(
            GraphPermission.USER_READWRITE_ALL, WRITE_PERMISSION,
            GraphPermission.DIRECTORY_READWRITE_ALL, WRITE_PERMISSION);

    private UserActionTable() {}

    /** Whether a user holding {@code actorRoles} may perform {@code action} on a user holding {@code targetRoles}. */
    public static boolean allowsUser(
            Set<DirectoryRoleTemplate> actorRoles, UserAction action, Set<DirectoryRoleTemplate> targetRoles) {
        return actorRoles.stream().anyMatch(role -> covers(BY_ROLE.get(role), action, targetRoles));
    }

    /** Whether an application granted {@code appRoles} may perform {@code action} on a user holding targetRoles. */
    public static boolean allowsApp(Set<String> appRoles, UserAction action, Set<DirectoryRoleTemplate> targetRoles) {
        return appRoles.stream()
                .flatMap(value -> GraphPermission.byValue(value).stream())
                .anyMatch(permission -> covers(BY_PERMISSION.get(permission), action, targetRoles));
    }

    /** The roles that would allow {@code action} on a user holding {@code targetRoles}, for an error to name. */
    public static List<DirectoryRoleTemplate> rolesAllowing(UserAction action, Set<DirectoryRoleTemplate> targetRoles) {
        return Arrays.stream(DirectoryRoleTemplate.values())
                .filter(role -> covers(BY_ROLE.get(role), action, targetRoles))
                .toList();
    }

    private static boolean covers(
            Map<UserAction, Set<DirectoryRoleTemplate>> row,
            UserAction action,
            Set<DirectoryRoleTemplate> targetRoles) {
        if (row == null || !row.containsKey(action)) {
            return false;
        }
        return row.get(action).containsAll(targetRoles);
    }

    private static Map<UserAction, Set<DirectoryRoleTemplate>> row(
            Set<DirectoryRoleTemplate> profile,
            Set<DirectoryRoleTemplate> password,
            Set<DirectoryRoleTemplate> sensitive) {
        return Map.of(
                UPDATE_PROFILE, profile, RESET_PASSWORD, password, ENABLE_OR_DISABLE, sensitive, DELETE, sensitive);
    }
}
