package dev.tenantry.directory;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which delegated Graph scopes ({@code scp}) allow each directory operation, as Graph's permission reference lists
 * them per endpoint. {@code Directory.AccessAsUser.All} allows everything the signed-in user may do; the user's own
 * directory roles still decide what that is.
 */
final class GraphScopes {

    static final String ACCESS_AS_USER = "Directory.AccessAsUser.All";

    static final List<String> READ_USERS = with(ReadPermissions.USERS, "User.ReadBasic.All");
    static final List<String> READ_OWN_PROFILE = concat(READ_USERS, "User.Read", "User.ReadWrite");
    static final List<String> MANAGE_USERS =
            with(new GraphPermission[] {GraphPermission.USER_READWRITE_ALL, GraphPermission.DIRECTORY_READWRITE_ALL});
    static final List<String> INVITE_GUESTS = with(new GraphPermission[] {
        GraphPermission.USER_INVITE_ALL, GraphPermission.USER_READWRITE_ALL, GraphPermission.DIRECTORY_READWRITE_ALL
    });
    static final List<String> READ_GROUPS = with(ReadPermissions.GROUPS);
    static final List<String> MANAGE_GROUPS = with(
            new GraphPermission[] {GraphPermission.GROUP_READWRITE_ALL, GraphPermission.DIRECTORY_READWRITE_ALL},
            "Group.Create");
    static final List<String> MANAGE_GROUP_MEMBERS = with(new GraphPermission[] {
        GraphPermission.GROUP_READWRITE_ALL,
        GraphPermission.GROUPMEMBER_READWRITE_ALL,
        GraphPermission.DIRECTORY_READWRITE_ALL
    });
    static final List<String> READ_AUDIT_LOGS = List.of(GraphPermission.AUDITLOG_READ_ALL.value(), ACCESS_AS_USER);
    static final List<String> READ_ROLES = with(ReadPermissions.ROLES, "RoleManagement.ReadWrite.Directory");
    static final List<String> MANAGE_ROLES = List.of("RoleManagement.ReadWrite.Directory", ACCESS_AS_USER);
    static final List<String> READ_ORGANIZATION = with(ReadPermissions.ORGANIZATION, "Organization.ReadWrite.All");
    static final List<String> READ_ORGANIZATION_PROFILE = concat(READ_ORGANIZATION, "User.Read");
    static final List<String> READ_APPLICATIONS = with(ReadPermissions.APPLICATIONS, "Application.Read.All");
    static final List<String> MANAGE_APPLICATIONS =
            with(new GraphPermission[] {GraphPermission.APPLICATION_READWRITE_ALL});
    /** Token lifetime and other application configuration policies: reading, and writing (issue 11). */
    static final List<String> READ_APPLICATION_POLICIES = with(ReadPermissions.APPLICATION_POLICIES);

    static final List<String> MANAGE_APPLICATION_POLICIES =
            with(new GraphPermission[] {GraphPermission.POLICY_READWRITE_APPLICATIONCONFIGURATION});
    static final List<String> MANAGE_APP_ROLE_ASSIGNMENTS = List.of("AppRoleAssignment.ReadWrite.All", ACCESS_AS_USER);

    private GraphScopes() {}

    /** The delegated scopes of the same names as {@code permissions}, plus {@code extra} and access-as-user. */
    static List<String> with(GraphPermission[] permissions, String... extra) {
        return concat(
                Stream.concat(Arrays.stream(permissions).map(GraphPermission::value), Stream.of(ACCESS_AS_USER))
                        .toList(),
                extra);
    }

    private static List<String> concat(List<String> base, String... extra) {
        return Stream.concat(base.stream(), Arrays.stream(extra)).distinct().toList();
    }
}
