package dev.tenantry.directory.apps;

/**
 * An app role assignment as Graph shows it (issue 11): the assignment, what kind of principal holds it
 * ({@code User}, {@code Group} or {@code ServicePrincipal}) and the names of the principal and of the resource.
 */
public record AssignedAppRole(
        AppRoleAssignment assignment, String principalType, String principalDisplayName, String resourceDisplayName) {}
