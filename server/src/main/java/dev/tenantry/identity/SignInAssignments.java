package dev.tenantry.identity;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.util.UUID;

/**
 * Whether a user may sign in to a client app at all (issue 11): an app whose service principal sets
 * {@code appRoleAssignmentRequired} refuses a user who holds no app role assignment, directly or through a group it is a
 * direct member of (AADSTS50105, a page in the browser).
 */
@FunctionalInterface
public interface SignInAssignments {

    /** Every user may sign in to every app. */
    SignInAssignments NONE = (tenantId, userId, clientId) -> {};

    /** Throws an access-denied {@code DomainException} when {@code userId} may not sign in to {@code clientId}. */
    void requireAssigned(TenantId tenantId, UserId userId, UUID clientId);
}
