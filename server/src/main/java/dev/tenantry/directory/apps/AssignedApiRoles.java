package dev.tenantry.directory.apps;

import dev.tenantry.shared.TenantId;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The app roles of a registered API that a client's service principal holds (issue 11): Graph's
 * {@code appRoleAssignments} of the client whose {@code resourceId} is the API's service principal, as the
 * {@code roles} claim of a client credentials token for that API carries their values.
 *
 * <p>The one place that turns an assignment's {@code appRoleId} into the role's {@code value}: the enabled
 * {@code appRoles} of the API's registration in the same directory (a disabled role, or one without a value, is not
 * carried, as in Entra).
 */
public final class AssignedApiRoles {

    private final ApplicationRepository applications;

    public AssignedApiRoles(ApplicationRepository applications) {
        this.applications = applications;
    }

    /** The role values the client's service principal holds on the API's service principal {@code resourceId}. */
    public Set<String> valuesOf(TenantId tenantId, UUID clientServicePrincipalId, UUID resourceId, UUID resourceAppId) {
        Set<String> values = new LinkedHashSet<>();
        for (AppRoleAssignment assignment : applications.assignmentsOf(tenantId, clientServicePrincipalId)) {
            if (assignment.resourceId().equals(resourceId)) {
                roleValue(tenantId, resourceAppId, assignment.appRoleId()).ifPresent(values::add);
            }
        }
        return values;
    }

    /** The value of the enabled app role {@code appRoleId} of the tenant's application {@code appId}. */
    Optional<String> roleValue(TenantId tenantId, UUID appId, UUID appRoleId) {
        return applications
                .findByAppId(appId)
                .filter(app -> app.tenantId().equals(tenantId))
                .flatMap(app -> applications.appRoles(app.id()).stream()
                        .filter(role -> role.id().equals(appRoleId) && role.isEnabled())
                        .map(AppRole::value)
                        .filter(value -> value != null)
                        .findFirst());
    }
}
