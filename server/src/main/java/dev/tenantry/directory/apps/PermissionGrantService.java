package dev.tenantry.directory.apps;

import dev.tenantry.directory.DirectoryAccess;
import dev.tenantry.directory.DirectoryError;
import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.RuleViolationException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.Transactions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Delegated permission grants (issue 11): Graph's {@code oauth2PermissionGrants}, user consent from the consent page,
 * admin consent for the whole directory, and the Microsoft Graph permissions a user has let a client use.
 */
public final class PermissionGrantService {

    private final ApplicationRepository applications;
    private final DirectoryAccess access;
    private final Transactions transactions;
    private final Clock clock;

    public PermissionGrantService(
            ApplicationRepository applications, DirectoryAccess access, Transactions transactions, Clock clock) {
        this.applications = applications;
        this.access = access;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The directory's grants, for whoever may read its applications. */
    public List<PermissionGrant> list(Caller caller, TenantId tenantId) {
        access.requireReadApplications(caller, tenantId);
        return applications.permissionGrants(tenantId);
    }

    public PermissionGrant get(Caller caller, TenantId tenantId, UUID id) {
        return list(caller, tenantId).stream()
                .filter(g -> g.id().equals(id))
                .findFirst()
                .orElseThrow(() -> notFound(id));
    }

    /** Creates a grant as Graph's {@code POST /oauth2PermissionGrants} does: a Global Administrator only. */
    public PermissionGrant create(
            Caller caller,
            TenantId tenantId,
            UUID clientId,
            String consentType,
            UUID principalId,
            UUID resourceId,
            String scope) {
        access.requireGlobalAdministratorToGrant(caller, tenantId, "grant delegated permissions");
        if (!PermissionGrant.ALL_PRINCIPALS.equals(consentType) && !PermissionGrant.PRINCIPAL.equals(consentType)) {
            throw invalid("consentType must be 'AllPrincipals' or 'Principal'.", "consentType");
        }
        if (PermissionGrant.PRINCIPAL.equals(consentType) == (principalId == null)) {
            throw invalid("principalId is required for 'Principal' grants and must be null otherwise.", "principalId");
        }
        if (clientId == null
                || applications.findServicePrincipal(tenantId, clientId).isEmpty()) {
            throw invalid("clientId must be the object id of a service principal of this directory.", "clientId");
        }
        ServicePrincipal resource = resourceId == null
                ? null
                : applications.findServicePrincipal(tenantId, resourceId).orElse(null);
        if (resource == null) {
            throw invalid(
                    "resourceId must be the object id of the Microsoft Graph service principal of this directory, or"
                            + " of an application of this directory that exposes an API.",
                    "resourceId");
        }
        List<String> asked = scope == null || scope.isBlank()
                ? List.of()
                : List.of(scope.strip().split("\\s+"));
        String names = String.join(
                " ",
                resource.appId().equals(ApplicationService.MICROSOFT_GRAPH_APP_ID)
                        ? known(asked)
                        : offered(tenantId, resource, asked));
        PermissionGrant grant = new PermissionGrant(
                UUID.randomUUID(), tenantId, clientId, consentType, principalId, resourceId, names, clock.instant());
        return transactions.inTransaction(() -> {
            applications.insertPermissionGrant(grant);
            return grant;
        });
    }

    /** Deletes a grant: a Global Administrator only. */
    public void delete(Caller caller, TenantId tenantId, UUID id) {
        access.requireGlobalAdministratorToGrant(caller, tenantId, "revoke delegated permissions");
        if (!applications.deletePermissionGrant(tenantId, id)) {
            throw notFound(id);
        }
    }

    /** Whether {@code user} may consent for every user of its directory (a Global Administrator). */
    public boolean mayConsentForOrganization(Caller.User user) {
        try {
            access.requireGlobalAdministratorToGrant(user, user.tenantId(), "grant admin consent");
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    /**
     * The Microsoft Graph permissions the user {@code userId} of {@code tenantId} has let the client {@code appId} use,
     * itself or through an administrator's consent; for the token service, so no caller.
     */
    public List<String> consentedScopes(TenantId tenantId, UUID userId, UUID appId) {
        return applications
                .findServicePrincipalByAppId(tenantId, ApplicationService.MICROSOFT_GRAPH_APP_ID)
                .map(graph -> consentedScopes(tenantId, userId, appId, graph.id()))
                .orElse(List.of());
    }

    /**
     * The scopes of the resource whose service principal is {@code resourceId} (Graph, or a registered API, issue 11)
     * that the user {@code userId} has let the client {@code appId} use; for the token service, so no caller.
     */
    public List<String> consentedScopes(TenantId tenantId, UUID userId, UUID appId, UUID resourceId) {
        Optional<ServicePrincipal> client = applications.findServicePrincipalByAppId(tenantId, appId);
        if (client.isEmpty()) {
            return List.of();
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (PermissionGrant grant : applications.permissionGrants(tenantId)) {
            if (grant.clientId().equals(client.get().id())
                    && grant.resourceId().equals(resourceId)
                    && grant.appliesTo(userId)) {
                scopes.addAll(grant.scopes());
            }
        }
        return List.copyOf(scopes);
    }

    /**
     * Records {@code user}'s consent to let the client {@code appId} use {@code scopes} of Microsoft Graph, for itself
     * or, when {@code forOrganization}, for every user (a Global Administrator only). A user may not consent to a
     * permission only an administrator may grant. The client gets a service principal here if it has none.
     */
    public void consent(Caller.User user, UUID appId, List<String> scopes, boolean forOrganization) {
        TenantId tenantId = user.tenantId();
        List<String> names = known(scopes);
        if (forOrganization) {
            access.requireGlobalAdministratorToGrant(user, tenantId, "consent on behalf of the organization");
        } else if (!mayConsentForOrganization(user)) {
            List<String> adminOnly = names.stream()
                    .filter(n -> DelegatedPermission.byName(n)
                            .map(DelegatedPermission::adminOnly)
                            .orElse(true))
                    .toList();
            if (!adminOnly.isEmpty()) {
                throw new AccessDeniedException(
                        DirectoryError.ADMIN_CONSENT_REQUIRED,
                        "Only an administrator can grant " + String.join(", ", adminOnly)
                                + ". Ask a Global Administrator to grant admin consent for the application.");
            }
        }
        transactions.inTransaction(() -> {
            ServicePrincipal graph = applications
                    .findServicePrincipalByAppId(tenantId, ApplicationService.MICROSOFT_GRAPH_APP_ID)
                    .orElseThrow(() -> new RuleViolationException(
                            DirectoryError.GRAPH_NOT_PROVISIONED,
                            "This directory has no Microsoft Graph service principal."));
            record(user, appId, graph, names, forOrganization);
            return null;
        });
    }

    /**
     * Records {@code user}'s consent to let the client {@code appId} use {@code scopes} of the API the application
     * {@code resourceAppId} of the user's directory exposes (issue 11), for itself or, when {@code forOrganization},
     * for every user (a Global Administrator only): an {@code oauth2PermissionGrant} whose {@code resourceId} is the
     * API's service principal. Each scope must be one of its enabled {@code oauth2PermissionScopes}; a user may not
     * consent to one of type {@code Admin}.
     */
    public void consentToApi(
            Caller.User user, UUID appId, UUID resourceAppId, List<String> scopes, boolean forOrganization) {
        TenantId tenantId = user.tenantId();
        ServicePrincipal resource = applications
                .findServicePrincipalByAppId(tenantId, resourceAppId)
                .orElseThrow(() -> invalid(
                        "The API '" + resourceAppId + "' has no service principal in this directory.", "resourceId"));
        List<String> names = offered(tenantId, resource, scopes);
        if (forOrganization) {
            access.requireGlobalAdministratorToGrant(user, tenantId, "consent on behalf of the organization");
        } else if (!mayConsentForOrganization(user)) {
            ExposedApi api = applications
                    .findByAppId(resourceAppId)
                    .map(app -> applications.findApi(app.id()))
                    .orElse(ExposedApi.NONE);
            List<String> adminOnly = names.stream()
                    .filter(n ->
                            api.enabledScope(n).map(PermissionScope::adminOnly).orElse(true))
                    .toList();
            if (!adminOnly.isEmpty()) {
                throw new AccessDeniedException(
                        DirectoryError.ADMIN_CONSENT_REQUIRED,
                        "Only an administrator can grant " + String.join(", ", adminOnly) + " of the API '"
                                + resource.displayName()
                                + "'. Ask a Global Administrator to grant admin consent for the application.");
            }
        }
        transactions.inTransaction(() -> {
            record(user, appId, resource, names, forOrganization);
            return null;
        });
    }

    /** Adds {@code names} to the user's (or everyone's) grant of {@code resource} to the client, in a transaction. */
    private void record(
            Caller.User user, UUID appId, ServicePrincipal resource, List<String> names, boolean forOrganization) {
        TenantId tenantId = user.tenantId();
        Application app = application(appId);
        ServicePrincipal client = servicePrincipalOf(app, tenantId);
        String type = forOrganization ? PermissionGrant.ALL_PRINCIPALS : PermissionGrant.PRINCIPAL;
        UUID principal = forOrganization ? null : user.userId().value();
        Optional<PermissionGrant> existing = applications.permissionGrants(tenantId).stream()
                .filter(g -> g.clientId().equals(client.id())
                        && g.resourceId().equals(resource.id())
                        && g.consentType().equals(type)
                        && Objects.equals(g.principalId(), principal))
                .findFirst();
        if (existing.isPresent()) {
            Set<String> merged = new LinkedHashSet<>(existing.get().scopes());
            merged.addAll(names);
            applications.updatePermissionGrant(existing.get().withScope(String.join(" ", merged)));
        } else {
            applications.insertPermissionGrant(new PermissionGrant(
                    UUID.randomUUID(),
                    tenantId,
                    client.id(),
                    type,
                    principal,
                    resource.id(),
                    String.join(" ", names),
                    clock.instant()));
        }
    }

    /**
     * Gives the application {@code appId} a service principal in {@code tenantId} if it has none, as Entra does when a
     * user of the directory first signs in to it; for the authorization endpoint.
     */
    public void ensureServicePrincipal(TenantId tenantId, UUID appId) {
        transactions.inTransaction(() -> servicePrincipalOf(application(appId), tenantId));
    }

    private Application application(UUID appId) {
        return applications
                .findByAppId(appId)
                .orElseThrow(() -> new NotFoundException(
                        DirectoryError.APPLICATION_NOT_FOUND, "Application '" + appId + "' was not found."));
    }

    private ServicePrincipal servicePrincipalOf(Application app, TenantId tenantId) {
        return applications.findServicePrincipalByAppId(tenantId, app.appId()).orElseGet(() -> {
            ServicePrincipal sp =
                    new ServicePrincipal(UUID.randomUUID(), tenantId, app.appId(), app.displayName(), clock.instant());
            applications.insertServicePrincipal(sp);
            return sp;
        });
    }

    /**
     * The names of {@code scopes} as the registered API of {@code resource} spells them (issue 11): each must be one of
     * its enabled {@code oauth2PermissionScopes}.
     */
    private List<String> offered(TenantId tenantId, ServicePrincipal resource, List<String> scopes) {
        ExposedApi api = applications
                .findByAppId(resource.appId())
                .filter(app -> app.tenantId().equals(tenantId))
                .map(app -> applications.findApi(app.id()))
                .orElse(ExposedApi.NONE);
        List<String> names = new ArrayList<>();
        for (String scope : scopes) {
            String name = api.enabledScope(scope)
                    .map(PermissionScope::value)
                    .orElseThrow(() -> invalid(
                            "'" + scope + "' is not an enabled oauth2PermissionScope of the API '"
                                    + resource.displayName() + "': "
                                    + api.scopes().stream()
                                            .filter(PermissionScope::enabled)
                                            .map(PermissionScope::value)
                                            .toList()
                                    + ".",
                            "scope"));
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** The names of {@code scopes} as Graph spells them; an unknown permission is refused. */
    private static List<String> known(List<String> scopes) {
        List<String> names = new ArrayList<>();
        for (String scope : scopes) {
            if (scope.isBlank()) {
                continue;
            }
            String name = DelegatedPermission.byName(scope)
                    .map(DelegatedPermission::value)
                    .orElseThrow(() -> invalid(
                            "'" + scope + "' is not a delegated permission of Microsoft Graph this server knows: "
                                    + Arrays.stream(DelegatedPermission.values())
                                            .map(DelegatedPermission::value)
                                            .toList()
                                    + ".",
                            "scope"));
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static InvalidRequestException invalid(String message, String field) {
        return new InvalidRequestException(DirectoryError.INVALID_PERMISSION_GRANT, message, field);
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException(
                DirectoryError.PERMISSION_GRANT_NOT_FOUND, "oauth2PermissionGrant '" + id + "' does not exist.");
    }
}
