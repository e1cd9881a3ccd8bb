package dev.tenantry.identity;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The APIs app registrations of a directory expose, as the token grants need them (issue 11): which one a scope
 * names, what a user let a client use of it, and which of its app roles a client's service principal holds.
 */
public interface RegisteredApis {

    /** No registered APIs: every resource but Graph and ARM is unknown (AADSTS500011). */
    RegisteredApis NONE = new RegisteredApis() {
        @Override
        public Optional<TokenResource.AppApi> find(TenantId tenantId, String resource) {
            return Optional.empty();
        }

        @Override
        public List<String> consented(TenantId tenantId, UserId userId, UUID clientId, TokenResource.AppApi api) {
            return List.of();
        }

        @Override
        public Set<String> appRoles(TenantId tenantId, UUID clientServicePrincipalId, TokenResource.AppApi api) {
            return Set.of();
        }
    };

    /** The API of directory {@code tenantId} that {@code resource} (an identifier URI or an app id) names. */
    Optional<TokenResource.AppApi> find(TenantId tenantId, String resource);

    /** The scopes of {@code api} the user let the client {@code clientId} use, itself or by an admin's consent. */
    List<String> consented(TenantId tenantId, UserId userId, UUID clientId, TokenResource.AppApi api);

    /**
     * The values of {@code api}'s enabled scopes the registration of the client {@code clientId} lists in its
     * {@code requiredResourceAccess} (issue 11): the static permissions {@code .default} asks consent for at the
     * authorization endpoint. None unless the directory says otherwise.
     */
    default List<String> requiredScopes(TenantId tenantId, UUID clientId, TokenResource.AppApi api) {
        return List.of();
    }

    /** The values of {@code api}'s app roles assigned to the client's service principal (client credentials). */
    Set<String> appRoles(TenantId tenantId, UUID clientServicePrincipalId, TokenResource.AppApi api);

    /**
     * The lifetime of an access token for {@code api} (issue 11): its token lifetime policy, else the directory's
     * organization default, else {@link TokenSigner#TOKEN_LIFETIME}.
     */
    default Duration lifetime(TenantId tenantId, TokenResource.AppApi api) {
        return lifetimeOf(tenantId, api.appId());
    }

    /**
     * The lifetime of a token that the application {@code appId} governs in directory {@code tenantId} (issue 11): an
     * access token's resource, an ID token's client. A registration of the directory follows its token lifetime
     * policy, else the organization default; anything else (a first-party client such as the Azure CLI) keeps
     * {@link TokenSigner#TOKEN_LIFETIME}.
     */
    default Duration lifetimeOf(TenantId tenantId, UUID appId) {
        return TokenSigner.TOKEN_LIFETIME;
    }
}
