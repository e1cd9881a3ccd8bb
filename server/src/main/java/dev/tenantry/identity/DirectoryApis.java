package dev.tenantry.identity;

import dev.tenantry.directory.apps.AppRoleService;
import dev.tenantry.directory.apps.ExposedApiService;
import dev.tenantry.directory.apps.PermissionGrantService;
import dev.tenantry.directory.apps.PermissionScope;
import dev.tenantry.directory.apps.TokenLifetimes;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@link RegisteredApis} over the directory (issue 11): the exposed APIs of its app registrations, the delegated
 * permission grants ({@code oauth2PermissionGrants} whose resource is the API's service principal) and the app roles
 * assigned to clients ({@link AppRoleService#rolesOf}, the values of the API's enabled app roles its service principal
 * holds).
 */
public final class DirectoryApis implements RegisteredApis {

    private final ExposedApiService apis;
    private final PermissionGrantService grants;
    private final AppRoleService roles;
    private final TokenLifetimes lifetimes;

    /** {@code lifetimes} (issue 11): how long the tokens an app registration governs last, by its policy. */
    public DirectoryApis(
            ExposedApiService apis, PermissionGrantService grants, AppRoleService roles, TokenLifetimes lifetimes) {
        this.apis = apis;
        this.grants = grants;
        this.roles = roles;
        this.lifetimes = lifetimes;
    }

    @Override
    public Duration lifetimeOf(TenantId tenantId, UUID appId) {
        return lifetimes.of(tenantId, appId);
    }

    @Override
    public Optional<TokenResource.AppApi> find(TenantId tenantId, String resource) {
        return apis.findRegisteredApi(tenantId, resource)
                .map(found -> new TokenResource.AppApi(
                        tenantId,
                        found.application().appId(),
                        found.servicePrincipal().id(),
                        found.application().displayName(),
                        resource,
                        found.api().requestedAccessTokenVersion(),
                        found.api().scopes().stream()
                                .filter(PermissionScope::enabled)
                                .map(DirectoryApis::scope)
                                .toList()));
    }

    @Override
    public List<String> consented(TenantId tenantId, UserId userId, UUID clientId, TokenResource.AppApi api) {
        return grants.consentedScopes(tenantId, userId.value(), clientId, api.servicePrincipalId());
    }

    @Override
    public List<String> requiredScopes(TenantId tenantId, UUID clientId, TokenResource.AppApi api) {
        Set<UUID> ids = roles.requiredScopeIds(tenantId, clientId, api.appId());
        if (ids.isEmpty()) {
            return List.of();
        }
        return apis.findRegisteredApi(tenantId, api.appId().toString())
                .map(found -> found.api().scopes().stream()
                        .filter(PermissionScope::enabled)
                        .filter(scope -> ids.contains(scope.id()))
                        .map(PermissionScope::value)
                        .toList())
                .orElse(List.of());
    }

    @Override
    public Set<String> appRoles(TenantId tenantId, UUID clientServicePrincipalId, TokenResource.AppApi api) {
        return new LinkedHashSet<>(roles.rolesOf(tenantId, clientServicePrincipalId, api.servicePrincipalId()));
    }

    /** The scope as the consent page names it: the user consent texts for a User scope, the admin ones otherwise. */
    private static TokenResource.Scope scope(PermissionScope s) {
        boolean admin = s.adminOnly();
        String name =
                admin || s.userConsentDisplayName() == null ? s.adminConsentDisplayName() : s.userConsentDisplayName();
        String description =
                admin || s.userConsentDescription() == null ? s.adminConsentDescription() : s.userConsentDescription();
        return new TokenResource.Scope(s.value(), admin, name, description);
    }
}
