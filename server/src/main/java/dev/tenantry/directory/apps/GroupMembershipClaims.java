package dev.tenantry.directory.apps;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which of a signed-in user's memberships an application's tokens carry in the {@code groups} claim, as the app
 * registration's {@code groupMembershipClaims} says (Graph's string values). Entra's {@code ApplicationGroup} (only
 * groups assigned to the application) is not offered: groups cannot be assigned to applications here yet.
 *
 * @see <a href="https://learn.microsoft.com/entra/identity-platform/reference-microsoft-graph-app-manifest">app
 *     manifest: groupMembershipClaims</a>
 */
public enum GroupMembershipClaims {
    /** No {@code groups} claim. */
    NONE("None", false, false, false),
    /** The security groups the user is in, directly or through nested groups. */
    SECURITY_GROUP("SecurityGroup", true, false, false),
    /** The object ids of the directory roles the user holds. */
    DIRECTORY_ROLE("DirectoryRole", false, false, true),
    /** Every group the user is in (security and Microsoft 365), and the directory roles the user holds. */
    ALL("All", true, true, true);

    private final String value;
    private final boolean groups;
    private final boolean allGroups;
    private final boolean directoryRoles;

    GroupMembershipClaims(String value, boolean groups, boolean allGroups, boolean directoryRoles) {
        this.value = value;
        this.groups = groups;
        this.allGroups = allGroups;
        this.directoryRoles = directoryRoles;
    }

    /** Graph's string value, as stored. */
    public String value() {
        return value;
    }

    /** Whether the claim carries groups at all. */
    public boolean includesGroups() {
        return groups;
    }

    /** Whether groups that are not security-enabled (Microsoft 365 groups) are carried too. */
    public boolean includesNonSecurityGroups() {
        return allGroups;
    }

    /** Whether the object ids of the user's directory roles are carried. */
    public boolean includesDirectoryRoles() {
        return directoryRoles;
    }

    /** The setting Graph's {@code value} names, ignoring case; empty for any other text. */
    public static Optional<GroupMembershipClaims> of(String value) {
        return Arrays.stream(values())
                .filter(c -> c.value.equalsIgnoreCase(value))
                .findFirst();
    }

    /** The accepted values, for error messages: {@code None, SecurityGroup, DirectoryRole, All}. */
    public static String accepted() {
        return Arrays.stream(values()).map(GroupMembershipClaims::value).collect(Collectors.joining(", "));
    }
}
