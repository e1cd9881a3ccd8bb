package dev.tenantry.identity.grants;

import dev.tenantry.identity.Audiences;
import dev.tenantry.identity.ConsentedScopes;
import dev.tenantry.identity.IdentityError;
import dev.tenantry.identity.ProtectedResource;
import dev.tenantry.identity.RequestedScopes;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.util.UUID;

/**
 * The resource a token is asked for; one this server does not serve is refused as Entra refuses an unknown resource
 * principal (AADSTS500011), so no token ever names an audience Graph or ARM would have to guess about.
 */
final class Resources {

    private final Audiences audiences;
    private final ConsentedScopes consents;

    Resources(Audiences audiences) {
        this(audiences, ConsentedScopes.NONE);
    }

    /** Resources whose delegated scopes include what users consented to (issue 11). */
    Resources(Audiences audiences, ConsentedScopes consents) {
        this.audiences = audiences;
        this.consents = consents;
    }

    /** The resource {@code scopes} name, as the directory {@code tenantId} would look it up. */
    ProtectedResource of(RequestedScopes scopes, TenantId tenantId) {
        return audiences
                .resourceOf(scopes.resource())
                .orElseThrow(() -> new InvalidRequestException(
                        IdentityError.INVALID_RESOURCE,
                        "The resource principal named " + scopes.resource() + " was not found in the tenant "
                                + tenantId + ". This server issues tokens for Microsoft Graph "
                                + "(https://graph.microsoft.com/.default) and Azure Resource Manager "
                                + "(https://management.core.windows.net//.default) only."));
    }

    /** The {@code scp} claim a delegated token for {@code clientId} carries. */
    String delegatedScopes(RequestedScopes scopes, TenantId tenantId, UUID clientId) {
        return scopes.delegatedScopes(of(scopes, tenantId), clientId);
    }

    /** The {@code scp} claim a delegated token of {@code userId} for {@code clientId} carries, consent included. */
    String delegatedScopes(RequestedScopes scopes, TenantId tenantId, UserId userId, UUID clientId) {
        return scopes.delegatedScopes(of(scopes, tenantId), clientId, consents.of(tenantId, userId, clientId));
    }
}
