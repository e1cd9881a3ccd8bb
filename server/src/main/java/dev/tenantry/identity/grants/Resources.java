package dev.tenantry.identity.grants;

import dev.tenantry.identity.ApiTokenError;
import dev.tenantry.identity.Audiences;
import dev.tenantry.identity.ConsentedScopes;
import dev.tenantry.identity.IdentityError;
import dev.tenantry.identity.ProtectedResource;
import dev.tenantry.identity.RegisteredApis;
import dev.tenantry.identity.RequestedScopes;
import dev.tenantry.identity.TokenResource;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The resource a token is asked for: Microsoft Graph, Azure Resource Manager, or an API an app registration of the
 * directory exposes (issue 11); anything else is refused as Entra refuses an unknown resource principal (AADSTS500011),
 * so no token ever names an audience nobody could check.
 */
final class Resources {

    private final Audiences audiences;
    private final ConsentedScopes consents;
    private final RegisteredApis apis;

    Resources(Audiences audiences) {
        this(audiences, ConsentedScopes.NONE);
    }

    /** Resources whose delegated scopes include what users consented to (issue 11). */
    Resources(Audiences audiences, ConsentedScopes consents) {
        this(audiences, consents, RegisteredApis.NONE);
    }

    /** Resources that include the APIs registered in each directory ({@code apis}, issue 11). */
    Resources(Audiences audiences, ConsentedScopes consents, RegisteredApis apis) {
        this.audiences = audiences;
        this.consents = consents;
        this.apis = apis;
    }

    /** A delegated token's resource and its {@code scp} claim. */
    record Delegated(TokenResource resource, String scp) {}

    /** The resource {@code scopes} name, as the directory {@code tenantId} would look it up. */
    ProtectedResource of(RequestedScopes scopes, TenantId tenantId) {
        return switch (resolve(scopes, tenantId)) {
            case TokenResource.FirstParty firstParty -> firstParty.resource();
            case TokenResource.AppApi api -> throw unknown(scopes, tenantId);
        };
    }

    /**
     * The resource {@code scopes} name in the directory {@code tenantId}: Graph and ARM by their identifiers, else a
     * registered API of that directory (only: an API of another directory is unknown here, as in Entra for a
     * single-tenant app, R14) by one of its identifier URIs or its app id.
     */
    TokenResource resolve(RequestedScopes scopes, TenantId tenantId) {
        return audiences
                .resourceOf(scopes.resource())
                .<TokenResource>map(TokenResource.FirstParty::new)
                .or(() -> apis.find(tenantId, scopes.resource()))
                .orElseThrow(() -> unknown(scopes, tenantId));
    }

    /** The values of {@code api}'s app roles assigned to the client's service principal, for client credentials. */
    Set<String> appRoles(TenantId tenantId, UUID clientServicePrincipalId, TokenResource.AppApi api) {
        return apis.appRoles(tenantId, clientServicePrincipalId, api);
    }

    /** How long an access token for {@code api} lasts: its token lifetime policy's (issue 11). */
    Duration lifetime(TenantId tenantId, TokenResource.AppApi api) {
        return apis.lifetime(tenantId, api);
    }

    /** The resource and {@code scp} of a delegated token of {@code userId} for {@code clientId}, consent included. */
    Delegated delegated(RequestedScopes scopes, TenantId tenantId, UserId userId, UUID clientId) {
        TokenResource resource = resolve(scopes, tenantId);
        String scp =
                switch (resource) {
                    case TokenResource.FirstParty firstParty ->
                        scopes.delegatedScopes(
                                firstParty.resource(), clientId, consents.of(tenantId, userId, clientId));
                    case TokenResource.AppApi api ->
                        apiScopes(scopes, api, clientId, apis.consented(tenantId, userId, clientId, api));
                };
        return new Delegated(resource, scp);
    }

    /**
     * The {@code scp} of a token for a registered API: what the user or an administrator consented to of its enabled
     * scopes, every one for {@code .default}, the named ones otherwise. A scope the API does not offer is AADSTS650053,
     * one nobody consented to AADSTS65001 (a {@code User} scope through the consent page or an
     * {@code oauth2PermissionGrant}, an {@code Admin} one by an administrator only), as in Entra.
     */
    private static String apiScopes(
            RequestedScopes scopes, TokenResource.AppApi api, UUID clientId, List<String> consented) {
        List<String> granted = consented.stream()
                .flatMap(name -> api.scope(name).stream())
                .map(TokenResource.Scope::value)
                .distinct()
                .toList();
        boolean all = scopes.names().isEmpty() || scopes.names().contains(".default");
        List<String> issued = new ArrayList<>();
        for (String name : all ? granted : scopes.names()) {
            TokenResource.Scope scope = api.scope(name)
                    .orElseThrow(() -> new InvalidRequestException(
                            ApiTokenError.SCOPE_NOT_ON_API,
                            "The application '" + clientId + "' asked for scope '" + name + "' that doesn't exist on "
                                    + "the resource '" + api.appId() + "' (" + api.displayName() + "). Its scopes: "
                                    + api.scopes().stream()
                                            .map(TokenResource.Scope::value)
                                            .toList()
                                    + "."));
            if (granted.stream().noneMatch(scope.value()::equals)) {
                throw consentRequired(api, clientId, scope.value());
            }
            if (!issued.contains(scope.value())) {
                issued.add(scope.value());
            }
        }
        if (issued.isEmpty()) {
            throw consentRequired(api, clientId, ".default");
        }
        return String.join(" ", issued);
    }

    private static AuthenticationException consentRequired(TokenResource.AppApi api, UUID clientId, String name) {
        return new AuthenticationException(
                IdentityError.CONSENT_REQUIRED,
                "The user or administrator has not consented to use the application with ID '" + clientId
                        + "' for the permission '" + name + "' of '" + api.requested() + "' (" + api.displayName()
                        + "). Grant it through the consent page, or as an administrator with POST "
                        + "/v1.0/oauth2PermissionGrants (resourceId " + api.servicePrincipalId() + ").");
    }

    private static InvalidRequestException unknown(RequestedScopes scopes, TenantId tenantId) {
        return new InvalidRequestException(
                IdentityError.INVALID_RESOURCE,
                "The resource principal named " + scopes.resource() + " was not found in the tenant " + tenantId
                        + ". This server issues tokens for Microsoft Graph (https://graph.microsoft.com/.default), "
                        + "Azure Resource Manager (https://management.core.windows.net//.default) and the APIs "
                        + "applications of the tenant expose (api://{appId}/.default), once they have a service "
                        + "principal.");
    }
}
