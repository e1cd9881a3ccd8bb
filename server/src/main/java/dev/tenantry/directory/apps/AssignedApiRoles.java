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
 * <p>The one place that turns an assignment's {@code appRoleId} into the role's {@code value}: app roles of
 * registrations ({@code appRoles} on applications) are another branch's work, so until they are merged here no
 * assignment to a registered API names a role this server knows, and such tokens carry no {@code roles}.
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

    /** The value of the app role {@code appRoleId} of the application {@code appId}; none known yet (see above). */
    Optional<String> roleValue(TenantId tenantId, UUID appId, UUID appRoleId) {
        return Optional.empty();
    }
}
