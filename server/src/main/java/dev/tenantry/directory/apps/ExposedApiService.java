package dev.tenantry.directory.apps;

import dev.tenantry.directory.DirectoryAccess;
import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.Tenant;
import dev.tenantry.directory.TenantRepository;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Column;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.Transactions;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * "Expose an API" on an app registration (issue 11): its {@code identifierUris}, {@code api.oauth2PermissionScopes}
 * and {@code api.requestedAccessTokenVersion}, checked as Entra checks them, and the lookup the token endpoint makes to
 * find the registered API a scope names in one directory.
 */
public final class ExposedApiService {

    private final ApplicationRepository applications;
    private final TenantRepository tenants;
    private final DirectoryAccess access;
    private final Transactions transactions;

    public ExposedApiService(
            ApplicationRepository applications,
            TenantRepository tenants,
            DirectoryAccess access,
            Transactions transactions) {
        this.applications = applications;
        this.tenants = tenants;
        this.access = access;
        this.transactions = transactions;
    }

    /**
     * A change to an exposed API, as a Graph PATCH sends it: a null list or {@code versionSent} false leaves that
     * property as it is.
     */
    public record Change(
            List<String> identifierUris,
            List<PermissionScope> scopes,
            boolean versionSent,
            Integer requestedAccessTokenVersion) {

        /** A change that changes nothing. */
        public static final Change NONE = new Change(null, null, false, null);

        public boolean isEmpty() {
            return identifierUris == null && scopes == null && !versionSent;
        }
    }

    /** A registered API of one directory as the token endpoint sees it: the app, its service principal and its API. */
    public record RegisteredApi(Application application, ServicePrincipal servicePrincipal, ExposedApi api) {}

    /** What the tenant's application {@code objectId} exposes, for whoever may read applications. */
    public ExposedApi api(Caller caller, TenantId tenantId, UUID objectId) {
        access.requireReadApplications(caller, tenantId);
        return applications.findApi(find(tenantId, objectId).id());
    }

    /**
     * Applies {@code change} to the application {@code objectId}: an administrator of applications or an owner. Refused
     * with Graph's 400s: an identifier URI that is not {@code api://} or {@code https://} on a domain of the directory
     * (HostNameNotOnVerifiedDomain) or that another application has, a malformed or duplicate scope, an enabled scope
     * removed or renamed (disable it first), a token version other than 1 or 2.
     */
    public ExposedApi change(Caller caller, TenantId tenantId, UUID objectId, Change change) {
        if (change.isEmpty()) {
            return api(caller, tenantId, objectId);
        }
        return transactions.inTransaction(() -> {
            access.requireSameTenant(caller, tenantId);
            Application application = find(tenantId, objectId);
            access.requireManageApplication(
                    caller,
                    tenantId,
                    ApplicationOwnerService.owns(applications, caller, tenantId, AppObjectKind.APPLICATION, objectId));
            ExposedApi api = applications.findApi(application.id());
            if (change.identifierUris() != null) {
                api = api.withIdentifierUris(
                        identifierUris(tenantId, application.appId(), application.id(), change.identifierUris()));
            }
            if (change.scopes() != null) {
                api = api.withScopes(scopes(api.scopes(), change.scopes()));
            }
            if (change.versionSent()) {
                api = api.withRequestedAccessTokenVersion(version(change.requestedAccessTokenVersion()));
            }
            applications.replaceApi(tenantId, application.id(), api);
            return api;
        });
    }

    /**
     * The registered API of directory {@code tenantId} that {@code resource} names: one of its identifier URIs (a
     * trailing slash or case does not matter), or its app id. It must have a service principal in the directory, as
     * Entra resolves a resource through its service principal (else AADSTS500011). For the token service: no caller.
     */
    public Optional<RegisteredApi> findRegisteredApi(TenantId tenantId, String resource) {
        if (resource == null || resource.isBlank()) {
            return Optional.empty();
        }
        Optional<Application> application = Ids.tryParse(resource)
                .flatMap(applications::findByAppId)
                .filter(app -> app.tenantId().equals(tenantId))
                .or(() -> applications.findByIdentifierUri(tenantId, resource))
                .or(() -> resource.endsWith("/")
                        ? applications.findByIdentifierUri(tenantId, resource.substring(0, resource.length() - 1))
                        : applications.findByIdentifierUri(tenantId, resource + "/"));
        return application.flatMap(app -> applications
                .findServicePrincipalByAppId(tenantId, app.appId())
                .map(sp -> new RegisteredApi(app, sp, applications.findApi(app.id()))));
    }

    /** What the application {@code appId} of {@code tenantId} exposes, for its service principal's view. */
    public ExposedApi apiOfApp(TenantId tenantId, UUID appId) {
        return applications
                .findByAppId(appId)
                .filter(app -> app.tenantId().equals(tenantId))
                .map(app -> applications.findApi(app.id()))
                .orElse(ExposedApi.NONE);
    }

    /**
     * Checks {@code change} as {@link #change} would for an application about to be created in {@code tenantId} (no
     * app id yet), so Graph's {@code POST /applications} refuses a bad body before it creates anything.
     */
    public void check(TenantId tenantId, Change change) {
        if (change.identifierUris() != null) {
            identifierUris(tenantId, null, null, change.identifierUris());
        }
        if (change.scopes() != null) {
            scopes(List.of(), change.scopes());
        }
        if (change.versionSent()) {
            version(change.requestedAccessTokenVersion());
        }
    }

    /** {@code uris} checked for the application {@code applicationId} with client id {@code appId} (null: new). */
    private List<String> identifierUris(TenantId tenantId, UUID appId, UUID applicationId, List<String> uris) {
        Tenant tenant = tenants.findById(tenantId)
                .orElseThrow(() -> new NotFoundException(
                        DirectoryError.TENANT_NOT_FOUND, "The directory " + tenantId + " does not exist."));
        List<String> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String uri : uris) {
            String value = Column.APPLICATION_IDENTIFIER_URI.check(uri == null ? "" : uri.strip(), "identifierUris");
            requireOnVerifiedDomain(value, appId, tenant);
            String key =
                    Column.APPLICATION_IDENTIFIER_URI_KEY.checkKey(value.toLowerCase(Locale.ROOT), "identifierUris");
            if (!seen.add(key)) {
                continue;
            }
            Optional<Application> holder = applications.findByIdentifierUri(tenantId, value);
            if (holder.isPresent() && !holder.get().id().equals(applicationId)) {
                throw new InvalidRequestException(
                        ExposedApiError.IDENTIFIER_URI_TAKEN,
                        "Another object with the same value for property identifierUris already exists: '" + value
                                + "'. Identifier URIs are unique in a directory.",
                        "identifierUris");
            }
            checked.add(value);
        }
        return checked;
    }

    /**
     * Entra's identifier URI policy for single-tenant apps (since October 2021, "Restrictions on identifier URIs of
     * Microsoft Entra applications"): {@code api://{appId}}, {@code api://{tenantId}/…}, {@code api://…/{appId}},
     * {@code api://{verified domain or subdomain}/…}, or {@code https://} on a verified domain or a subdomain of one.
     * This directory's verified domain is its initial domain. Anything else is Graph's HostNameNotOnVerifiedDomain.
     */
    private static void requireOnVerifiedDomain(String value, UUID applicationAppId, Tenant tenant) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            uri = null;
        }
        String scheme =
                uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri == null || uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri == null || uri.getPath() == null ? "" : uri.getPath();
        String appId = applicationAppId == null ? "{appId}" : applicationAppId.toString();
        String domain = tenant.initialDomain().toLowerCase(Locale.ROOT);
        boolean onDomain = host.equals(domain) || host.endsWith("." + domain);
        boolean ok =
                switch (scheme) {
                    case "api" ->
                        host.equals(appId)
                                || host.equals(tenant.id().toString())
                                || path.equals("/" + appId)
                                || onDomain;
                    case "https" -> onDomain && uri.getUserInfo() == null && uri.getPort() == -1;
                    default -> false;
                };
        if (!ok || uri.getFragment() != null || uri.getQuery() != null) {
            throw new InvalidRequestException(
                    ExposedApiError.HOST_NAME_NOT_ON_VERIFIED_DOMAIN,
                    "Values of identifierUris property must use a verified domain of the organization or its "
                            + "subdomain: '" + value + "'. Use api://" + appId + ", api://" + tenant.id() + "/{name},"
                            + " or https://" + domain + "/{name}.",
                    "identifierUris");
        }
    }

    private static List<PermissionScope> scopes(List<PermissionScope> stored, List<PermissionScope> wanted) {
        Set<String> values = new HashSet<>();
        Set<UUID> ids = new HashSet<>();
        Map<UUID, PermissionScope> byId = new HashMap<>();
        for (PermissionScope scope : wanted) {
            if (!ids.add(scope.id())) {
                throw invalidScope("Two oauth2PermissionScopes have the id '" + scope.id() + "'.");
            }
            String value = Column.PERMISSION_SCOPE_VALUE.check(scope.value(), "api.oauth2PermissionScopes.value");
            if (value.isBlank() || value.chars().anyMatch(Character::isWhitespace) || value.startsWith(".")) {
                throw invalidScope("The value '" + value + "' of a permission scope must be non-empty, without spaces"
                        + " and must not start with '.'.");
            }
            if (!values.add(value.toLowerCase(Locale.ROOT))) {
                throw invalidScope("Two oauth2PermissionScopes have the value '" + value + "'; values are unique.");
            }
            if (!PermissionScope.USER.equals(scope.type()) && !PermissionScope.ADMIN.equals(scope.type())) {
                throw invalidScope("The type of permission scope '" + value + "' must be 'User' or 'Admin'.");
            }
            Column.PERMISSION_SCOPE_ADMIN_DISPLAY_NAME.check(
                    scope.adminConsentDisplayName(), "api.oauth2PermissionScopes.adminConsentDisplayName");
            Column.PERMISSION_SCOPE_ADMIN_DESCRIPTION.check(
                    scope.adminConsentDescription(), "api.oauth2PermissionScopes.adminConsentDescription");
            Column.PERMISSION_SCOPE_USER_DISPLAY_NAME.check(
                    scope.userConsentDisplayName(), "api.oauth2PermissionScopes.userConsentDisplayName");
            Column.PERMISSION_SCOPE_USER_DESCRIPTION.check(
                    scope.userConsentDescription(), "api.oauth2PermissionScopes.userConsentDescription");
            byId.put(scope.id(), scope);
        }
        for (PermissionScope old : stored) {
            PermissionScope replacement = byId.get(old.id());
            boolean removedOrRenamed =
                    replacement == null || !replacement.value().equals(old.value());
            if (old.enabled() && removedOrRenamed) {
                // Entra's rule: a permission clients may hold is first disabled (isEnabled false), then removed
                throw new InvalidRequestException(
                        ExposedApiError.CANNOT_DELETE_OR_UPDATE_ENABLED_ENTITLEMENT,
                        "Permission (scope or role) cannot be deleted or updated unless disabled first: '" + old.value()
                                + "' (" + old.id() + "). PATCH it with isEnabled false, then remove it.",
                        "api.oauth2PermissionScopes");
            }
        }
        return wanted;
    }

    private static Integer version(Integer version) {
        if (version != null && version != 1 && version != 2) {
            throw new InvalidRequestException(
                    ExposedApiError.INVALID_ACCESS_TOKEN_VERSION,
                    "api.requestedAccessTokenVersion must be null, 1 or 2, was " + version + ".",
                    "api.requestedAccessTokenVersion");
        }
        return version;
    }

    private static InvalidRequestException invalidScope(String message) {
        return new InvalidRequestException(
                ExposedApiError.INVALID_PERMISSION_SCOPE, message, "api.oauth2PermissionScopes");
    }

    private Application find(TenantId tenantId, UUID objectId) {
        return applications
                .findById(tenantId, objectId)
                .orElseThrow(() -> new NotFoundException(
                        DirectoryError.APPLICATION_NOT_FOUND,
                        "Application '" + objectId + "' does not exist in this directory."));
    }
}
