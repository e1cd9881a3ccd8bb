package dev.tenantry.directory;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** The built-in directory roles, with the role template ids Entra ID uses in every tenant. */
public enum DirectoryRoleTemplate {
    GLOBAL_ADMINISTRATOR(
            "62e90394-69f5-4237-9190-012177145e10",
            "Global Administrator",
            "Can manage all aspects of the directory and the services that use it."),
    BILLING_ADMINISTRATOR(
            "b0f54661-2d74-4c50-afa3-1ec803f12efe",
            "Billing Administrator",
            "Can perform common billing related tasks like buying and managing subscriptions."),
    USER_ADMINISTRATOR(
            "fe930be7-5e62-47db-91af-98c3a49a38b1",
            "User Administrator",
            "Can manage all aspects of users and groups, including resetting passwords for limited admins."),
    GLOBAL_READER(
            "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
            "Global Reader",
            "Can read everything that a Global Administrator can, but not update anything."),
    LICENSE_ADMINISTRATOR(
            "4d6ac14f-3453-41d0-bef9-a3e0c569773a",
            "License Administrator",
            "Can manage product licenses on users and groups."),
    APPLICATION_ADMINISTRATOR(
            "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3",
            "Application Administrator",
            "Can create and manage all aspects of app registrations and enterprise apps."),
    HELPDESK_ADMINISTRATOR(
            "729827e3-9c14-49f7-bb1b-9608f156bbb8",
            "Helpdesk Administrator",
            "Can reset passwords for non-administrators and Helpdesk Administrators."),
    DIRECTORY_READERS(
            "88d8e3e3-8f55-4a1e-953a-9b9898b8876b", "Directory Readers", "Can read basic directory information."),
    GUEST_INVITER(
            "95e79109-95c0-4d8e-aee3-d01accf2d47b",
            "Guest Inviter",
            "Can invite guest users independent of the 'members can invite guests' setting.");

    private final UUID templateId;
    private final String displayName;
    private final String description;

    DirectoryRoleTemplate(String templateId, String displayName, String description) {
        this.templateId = UUID.fromString(templateId);
        this.displayName = displayName;
        this.description = description;
    }

    public UUID templateId() {
        return templateId;
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    public static Optional<DirectoryRoleTemplate> byTemplateId(UUID templateId) {
        return Arrays.stream(values())
                .filter(t -> t.templateId.equals(templateId))
                .findFirst();
    }
}
