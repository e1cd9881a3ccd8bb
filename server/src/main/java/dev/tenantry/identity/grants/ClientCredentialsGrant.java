package dev.tenantry.identity.grants;

import dev.tenantry.directory.Tenant;
import dev.tenantry.identity.Grant;
import dev.tenantry.identity.IdentityError;
import dev.tenantry.identity.ProtectedResource;
import dev.tenantry.identity.RequestedScopes;
import dev.tenantry.identity.RequiredParameter;
import dev.tenantry.identity.TokenRequest;
import dev.tenantry.identity.TokenResource;
import dev.tenantry.identity.TokenResponse;
import dev.tenantry.identity.TokenSigner;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * The client credentials grant (RFC 6749 §4.4): an app-only token for a registered application that proves itself
 * with its secret, in the tenant the path names, carrying the application permissions it was granted.
 */
final class ClientCredentialsGrant implements Grant {

    private final TenantSegment tenants;
    private final ClientAuthentication clients;
    private final Resources resources;
    private final TokenSigner signer;
    private final Clock clock;

    ClientCredentialsGrant(
            TenantSegment tenants, ClientAuthentication clients, Resources resources, TokenSigner signer, Clock clock) {
        this.tenants = tenants;
        this.clients = clients;
        this.resources = resources;
        this.signer = signer;
        this.clock = clock;
    }

    @Override
    public Set<String> grantTypes() {
        return Set.of("client_credentials");
    }

    @Override
    public TokenResponse issue(TokenRequest request, String baseUrl) {
        Tenant tenant = tenants.resolve(request.tenant())
                .orElseThrow(() -> new InvalidRequestException(
                        IdentityError.TENANT_REQUIRED,
                        "Client credentials need a tenant-specific endpoint: use /{tenant-id}/oauth2/v2.0/token, "
                                + "not /common or /organizations."));
        UUID clientId = ClientAuthentication.clientId(request.client());
        RequestedScopes scopes = RequestedScopes.parse(RequiredParameter.of(request.scope(), "scope"));
        if (!scopes.isDefault()) {
            throw new InvalidRequestException(
                    IdentityError.INVALID_SCOPE,
                    "The provided value for the input parameter 'scope' is not valid. The scope requested must be "
                            + "'<resource>/.default' for the client credentials flow, e.g. "
                            + "'https://graph.microsoft.com/.default'.");
        }
        Caller.App app = clients.confidential(tenant.id(), clientId, request, baseUrl);
        TokenResource resource = resources.resolve(scopes, tenant.id());
        String issuer = TokenClaims.issuer(baseUrl, tenant.id());
        // a registered API's token lasts as its token lifetime policy says; Graph's and ARM's are unchanged (issue 11)
        Duration lifetime = resource instanceof TokenResource.AppApi api
                ? resources.lifetime(tenant.id(), api)
                : TokenClaims.LIFETIME;
        String accessToken =
                switch (resource) {
                    case TokenResource.FirstParty firstParty ->
                        signer.sign(TokenClaims.appAccessToken(
                                issuer,
                                scopes.resource(),
                                app,
                                firstParty.resource() == ProtectedResource.GRAPH,
                                clock.instant()));
                    // a registered API's token carries the app roles of that API assigned to the client (issue 11)
                    case TokenResource.AppApi api ->
                        signer.sign(TokenClaims.withLifetime(
                                TokenClaims.forApi(
                                        TokenClaims.appAccessToken(
                                                issuer,
                                                api.audience(),
                                                new Caller.App(
                                                        tenant.id(),
                                                        app.servicePrincipalId(),
                                                        app.appId(),
                                                        resources.appRoles(tenant.id(), app.servicePrincipalId(), api)),
                                                true,
                                                clock.instant()),
                                        api,
                                        baseUrl),
                                lifetime));
                };
        // openid/profile/offline_access are ignored here, so there is never a refresh or ID token (compat P15)
        return new TokenResponse(accessToken, TokenClaims.expiresIn(lifetime), scopes.raw(), null, null, null);
    }
}
