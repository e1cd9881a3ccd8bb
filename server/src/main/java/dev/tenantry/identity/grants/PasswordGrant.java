package dev.tenantry.identity.grants;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.GuestAccounts;
import dev.tenantry.directory.Tenant;
import dev.tenantry.directory.User;
import dev.tenantry.identity.Grant;
import dev.tenantry.identity.LockoutService;
import dev.tenantry.identity.RequestedScopes;
import dev.tenantry.identity.RequiredParameter;
import dev.tenantry.identity.TokenRequest;
import dev.tenantry.identity.TokenResponse;
import dev.tenantry.shared.AuthenticationException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The resource owner password credentials grant (RFC 6749 §4.3), as Azure CLI and MSAL's username/password flow use
 * it: the user's tokens, with a refresh token when {@code offline_access} is asked for.
 */
final class PasswordGrant implements Grant {

    private final TenantSegment tenants;
    private final ClientAuthentication clients;
    private final LockoutService lockouts;
    private final Resources resources;
    private final RefreshTokenIssuer refreshTokens;
    private final UserTokens userTokens;
    private final GuestAccounts guests;

    PasswordGrant(
            TenantSegment tenants,
            ClientAuthentication clients,
            LockoutService lockouts,
            Resources resources,
            RefreshTokenIssuer refreshTokens,
            UserTokens userTokens) {
        this(tenants, clients, lockouts, resources, refreshTokens, userTokens, GuestAccounts.NONE);
    }

    PasswordGrant(
            TenantSegment tenants,
            ClientAuthentication clients,
            LockoutService lockouts,
            Resources resources,
            RefreshTokenIssuer refreshTokens,
            UserTokens userTokens,
            GuestAccounts guests) {
        this.tenants = tenants;
        this.clients = clients;
        this.lockouts = lockouts;
        this.resources = resources;
        this.refreshTokens = refreshTokens;
        this.userTokens = userTokens;
        this.guests = guests;
    }

    @Override
    public Set<String> grantTypes() {
        return Set.of("password");
    }

    @Override
    public TokenResponse issue(TokenRequest request, String baseUrl) {
        Optional<Tenant> urlTenant = tenants.resolve(request.tenant());
        UUID clientId = ClientAuthentication.clientId(request.client());
        RequestedScopes scopes = RequestedScopes.parse(request.scope());
        TokenRequest.Parameters parameters = request.parameters();
        User home = lockouts.authenticateUser(
                RequiredParameter.of(parameters.username(), "username"),
                RequiredParameter.of(parameters.password(), "password"));
        User user = home;
        if (urlTenant.isPresent() && !urlTenant.get().id().equals(home.tenantId())) {
            // a guest acts as the inviting directory's guest object (issue 10); anyone else gets the answer of a
            // wrong password: the user is not known in this directory
            user = guests.guestSignIn(urlTenant.get().id(), home)
                    .orElseThrow(() -> new AuthenticationException(
                            DirectoryError.INVALID_CREDENTIALS, "Your account or password is incorrect."));
        }
        clients.publicOrConfidential(user.tenantId(), clientId, request, baseUrl);
        DelegatedAccess access = new DelegatedAccess(
                user, clientId, scopes, resources.delegated(scopes, user.tenantId(), user.id(), clientId));
        String refresh = scopes.offlineAccess() ? refreshTokens.mint(access, UUID.randomUUID(), null) : null;
        return userTokens.issue(access, refresh, request.clientInfo(), baseUrl);
    }
}
