package dev.tenantry.directory;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Application permissions on Microsoft Graph, with the app role ids Graph's service principal carries in every Entra
 * tenant, so scripts that grant them by id work unchanged.
 */
public enum GraphPermission {
    USER_READ_ALL("User.Read.All", "df021288-bdef-4463-88db-98f22de89214", "Read all users' full profiles"),
    USER_READWRITE_ALL(
            "User.ReadWrite.All", "741f803b-c850-494e-b5df-cde7c675a1ca", "Read and write all users' full profiles"),
    USER_INVITE_ALL(
            "User.Invite.All", "09850681-111b-4a89-9bed-3f2cae46d706", "Invite guest users to the organization"),
    DIRECTORY_READ_ALL("Directory.Read.All", "7ab1d382-f21e-4acd-a863-ba3e13f7da61", "Read directory data"),
    DIRECTORY_READWRITE_ALL(
            "Directory.ReadWrite.All", "19dbc75e-c2e2-444c-a770-ec69d8559fc7", "Read and write directory data"),
    AUDITLOG_READ_ALL("AuditLog.Read.All", "b0afded3-3588-46d8-8b3d-9842eff778da", "Read all audit log data"),
    GROUP_READ_ALL("Group.Read.All", "5b567255-7703-4780-807c-7be8301ae99b", "Read all groups"),
    GROUP_READWRITE_ALL("Group.ReadWrite.All", "62a82d76-70ea-41e2-9197-370581804d09", "Read and write all groups"),
    GROUPMEMBER_READ_ALL("GroupMember.Read.All", "98830695-27a2-44f7-8c18-0c3ebc9698f6", "Read all group memberships"),
    GROUPMEMBER_READWRITE_ALL(
            "GroupMember.ReadWrite.All",
            "dbaae8cf-10b5-4b86-a4a1-f871c94c6695",
            "Read and write all group memberships"),
    ORGANIZATION_READ_ALL(
            "Organization.Read.All", "498476ce-e0fe-48b0-b801-37ba7e2685c6", "Read organization information"),
    APPLICATION_READWRITE_ALL(
            "Application.ReadWrite.All", "1bfefb4e-e0b5-418b-a88f-73c6d2cf0e7c", "Read and write all applications"),
    POLICY_READ_ALL("Policy.Read.All", "246dd0d5-5bd0-4def-940b-0421030a5b68", "Read your organization's policies"),
    POLICY_READWRITE_APPLICATIONCONFIGURATION(
            "Policy.ReadWrite.ApplicationConfiguration",
            "be74164b-cff1-491c-8741-e671cb536e13",
            "Read and write your organization's application configuration policies"),
    ROLEMANAGEMENT_READ_DIRECTORY(
            "RoleManagement.Read.Directory",
            "483bed4a-2ad3-4361-a73b-c83ccdbdc53c",
            "Read all directory RBAC settings");

    private final String value;
    private final UUID id;
    private final String displayName;

    GraphPermission(String value, String id, String displayName) {
        this.value = value;
        this.id = UUID.fromString(id);
        this.displayName = displayName;
    }

    /** The permission's name as it appears in the {@code roles} claim. */
    public String value() {
        return value;
    }

    public UUID id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<GraphPermission> byId(UUID id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    public static Optional<GraphPermission> byValue(String value) {
        return Arrays.stream(values())
                .filter(p -> p.value.equalsIgnoreCase(value))
                .findFirst();
    }
}
