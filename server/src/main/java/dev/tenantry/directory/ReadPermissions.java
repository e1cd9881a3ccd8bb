package dev.tenantry.directory;

/** Which application permissions allow reading each part of the directory. */
final class ReadPermissions {

    static final GraphPermission[] USERS = {
        GraphPermission.USER_READ_ALL,
        GraphPermission.USER_READWRITE_ALL,
        GraphPermission.DIRECTORY_READ_ALL,
        GraphPermission.DIRECTORY_READWRITE_ALL
    };

    /** Reading groups and their members. */
    static final GraphPermission[] GROUPS = {
        GraphPermission.GROUP_READ_ALL,
        GraphPermission.GROUP_READWRITE_ALL,
        GraphPermission.GROUPMEMBER_READ_ALL,
        GraphPermission.GROUPMEMBER_READWRITE_ALL,
        GraphPermission.DIRECTORY_READ_ALL,
        GraphPermission.DIRECTORY_READWRITE_ALL
    };

    static final GraphPermission[] ROLES = {
        GraphPermission.ROLEMANAGEMENT_READ_DIRECTORY,
        GraphPermission.DIRECTORY_READ_ALL,
        GraphPermission.DIRECTORY_READWRITE_ALL
    };

    /** Reading the organization, its domains and its subscribed SKUs. */
    static final GraphPermission[] ORGANIZATION = {
        GraphPermission.ORGANIZATION_READ_ALL,
        GraphPermission.DIRECTORY_READ_ALL,
        GraphPermission.DIRECTORY_READWRITE_ALL
    };

    static final GraphPermission[] APPLICATIONS = {
        GraphPermission.APPLICATION_READWRITE_ALL,
        GraphPermission.DIRECTORY_READ_ALL,
        GraphPermission.DIRECTORY_READWRITE_ALL
    };

    /** Reading application configuration policies (token lifetime policies, issue 11). */
    static final GraphPermission[] APPLICATION_POLICIES = {
        GraphPermission.POLICY_READ_ALL, GraphPermission.POLICY_READWRITE_APPLICATIONCONFIGURATION
    };

    private ReadPermissions() {}
}
