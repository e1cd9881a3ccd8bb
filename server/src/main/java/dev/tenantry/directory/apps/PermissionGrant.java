package dev.tenantry.directory.apps;

import dev.tenantry.shared.TenantId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A delegated permission grant (Graph's {@code oauth2PermissionGrant}): the scopes a client's service principal may
 * use on a resource's service principal, for every user of the directory ({@code AllPrincipals}, admin consent) or
 * for one user ({@code Principal}, that user's consent).
 *
 * @param clientId the object id of the client's service principal
 * @param principalId the consenting user's object id; null for {@code AllPrincipals}
 * @param resourceId the object id of the resource's service principal
 * @param scope the permission names, separated by spaces
 */
public record PermissionGrant(
        UUID id,
        TenantId tenantId,
        UUID clientId,
        String consentType,
        UUID principalId,
        UUID resourceId,
        String scope,
        Instant createdAt) {

    public static final String ALL_PRINCIPALS = "AllPrincipals";
    public static final String PRINCIPAL = "Principal";

    /** The permission names of {@link #scope}. */
    public List<String> scopes() {
        return scope.isBlank() ? List.of() : Arrays.asList(scope.strip().split("\\s+"));
    }

    /** Whether it applies to the user {@code userId}: every user for admin consent, else the one who consented. */
    public boolean appliesTo(UUID userId) {
        return ALL_PRINCIPALS.equals(consentType) || userId.equals(principalId);
    }

    public PermissionGrant withScope(String newScope) {
        return new PermissionGrant(id, tenantId, clientId, consentType, principalId, resourceId, newScope, createdAt);
    }
}
