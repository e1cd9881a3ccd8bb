package dev.tenantry.access;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Azure's built-in RBAC roles, with the role definition GUIDs that are the same in every Azure tenant and their
 * permissions as Azure publishes them.
 *
 * @see <a href="https://learn.microsoft.com/azure/role-based-access-control/built-in-roles">Azure built-in roles</a>
 */
public enum RoleDefinition {
    OWNER(
            "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
            "Owner",
            "Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.",
            List.of("*"),
            List.of()),
    CONTRIBUTOR(
            "b24988ac-6180-42a0-ab88-20f7382dd24c",
            "Contributor",
            "Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC, manage"
                    + " assignments in Azure Blueprints, or share image galleries.",
            List.of("*"),
            List.of(
                    "Microsoft.Authorization/*/Delete",
                    "Microsoft.Authorization/*/Write",
                    "Microsoft.Authorization/elevateAccess/Action",
                    "Microsoft.Blueprint/blueprintAssignments/write",
                    "Microsoft.Blueprint/blueprintAssignments/delete",
                    "Microsoft.Compute/galleries/share/action",
                    "Microsoft.Purview/consents/write",
                    "Microsoft.Purview/consents/delete",
                    "Microsoft.Resources/deploymentStacks/manageDenySetting/action",
                    "Microsoft.Subscription/cancel/action",
                    "Microsoft.Subscription/enable/action")),
    READER(
            "acdd72a7-3385-48ef-bd42-f606fba81ae7",
            "Reader",
            "View all resources, but does not allow you to make any changes.",
            List.of("*/read"),
            List.of()),
    USER_ACCESS_ADMINISTRATOR(
            "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
            "User Access Administrator",
            "Lets you manage user access to Azure resources.",
            List.of("*/read", "Microsoft.Authorization/*", "Microsoft.Support/*"),
            List.of());

    private final UUID id;
    private final String roleName;
    private final String description;
    private final List<String> actions;
    private final List<String> notActions;

    RoleDefinition(String id, String roleName, String description, List<String> actions, List<String> notActions) {
        this.id = UUID.fromString(id);
        this.roleName = roleName;
        this.description = description;
        this.actions = List.copyOf(actions);
        this.notActions = List.copyOf(notActions);
    }

    public UUID id() {
        return id;
    }

    public String roleName() {
        return roleName;
    }

    public String description() {
        return description;
    }

    @SuppressWarnings("ImmutableEnumChecker") // List.copyOf is immutable
    public List<String> actions() {
        return actions;
    }

    public List<String> notActions() {
        return notActions;
    }

    /** Data-plane actions: none of the four roles grants any (Azure's Storage Blob Data roles do). */
    public List<String> dataActions() {
        return List.of();
    }

    public List<String> notDataActions() {
        return List.of();
    }

    /** Whether the role may create, change and delete resources (not role assignments). */
    public boolean canWriteResources() {
        return this == OWNER || this == CONTRIBUTOR;
    }

    /** Whether the role may create and delete role assignments. */
    public boolean canManageAccess() {
        return this == OWNER || this == USER_ACCESS_ADMINISTRATOR;
    }

    public static Optional<RoleDefinition> byId(UUID id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    public static Optional<RoleDefinition> byName(String roleName) {
        return Arrays.stream(values())
                .filter(r -> r.roleName.equalsIgnoreCase(roleName))
                .findFirst();
    }
}
