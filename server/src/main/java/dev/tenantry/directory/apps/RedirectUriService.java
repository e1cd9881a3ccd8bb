package dev.tenantry.directory.apps;

import dev.tenantry.directory.DirectoryAccess;
import dev.tenantry.directory.DirectoryError;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.Transactions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The redirect URIs of app registrations (issue 11: Graph's {@code web}, {@code spa} and {@code publicClient}
 * {@code redirectUris}), and the registered client the authorization endpoint checks a request against.
 */
public final class RedirectUriService {

    private final ApplicationRepository applications;
    private final DirectoryAccess access;
    private final Transactions transactions;

    public RedirectUriService(ApplicationRepository applications, DirectoryAccess access, Transactions transactions) {
        this.applications = applications;
        this.access = access;
        this.transactions = transactions;
    }

    /** A registered application as the authorization endpoint sees it. */
    public record RegisteredClient(Application application, RedirectUris redirectUris) {}

    /** The redirect URIs of the tenant's application {@code objectId}, for whoever may read it. */
    public RedirectUris redirectUris(Caller caller, TenantId tenantId, UUID objectId) {
        access.requireReadApplications(caller, tenantId);
        return applications.redirectUris(find(tenantId, objectId).id());
    }

    /** Replaces the redirect URIs of the platforms in {@code changes}; the others keep theirs. */
    public RedirectUris setRedirectUris(
            Caller caller, TenantId tenantId, UUID objectId, Map<RedirectUris.Platform, List<String>> changes) {
        return transactions.inTransaction(() -> {
            Application application = manageable(caller, tenantId, objectId);
            RedirectUris uris = applications.redirectUris(application.id());
            for (Map.Entry<RedirectUris.Platform, List<String>> change : changes.entrySet()) {
                uris = uris.with(change.getKey(), change.getValue());
            }
            applications.replaceRedirectUris(application.id(), uris);
            return uris;
        });
    }

    /** The front-channel logout URL (Graph's {@code web.logoutUrl}) of the tenant's application, if it has one. */
    public Optional<String> logoutUrl(Caller caller, TenantId tenantId, UUID objectId) {
        access.requireReadApplications(caller, tenantId);
        return applications.findLogoutUrl(find(tenantId, objectId).id());
    }

    /**
     * Sets (null or blank: removes) the application's front-channel logout URL (issue 11), checked as a web redirect
     * URI is: https, or http for localhost.
     */
    public void setLogoutUrl(Caller caller, TenantId tenantId, UUID objectId, String logoutUrl) {
        String checked = RedirectUris.checkLogoutUrl(logoutUrl);
        transactions.run(() -> {
            Application application = manageable(caller, tenantId, objectId);
            applications.replaceLogoutUrl(application.id(), checked);
        });
    }

    /**
     * The front-channel logout URLs of the applications {@code appIds} (issue 11), in any directory (a multi-tenant
     * app is registered in its home directory), for the sign-out of a browser session that signed into them; an
     * application without one is left out.
     */
    public Map<UUID, String> logoutUrls(List<UUID> appIds) {
        Map<UUID, String> urls = new LinkedHashMap<>();
        for (UUID appId : appIds) {
            applications
                    .findByAppId(appId)
                    .flatMap(app -> applications.findLogoutUrl(app.id()))
                    .ifPresent(url -> urls.put(appId, url));
        }
        return urls;
    }

    /** The application with client id {@code appId} and its redirect URIs; for the authorization endpoint. */
    public Optional<RegisteredClient> client(UUID appId) {
        return applications
                .findByAppId(appId)
                .map(app -> new RegisteredClient(app, applications.redirectUris(app.id())));
    }

    /** Whether the application {@code appId} registered SPA or native redirect URIs, so it holds no secret. */
    public boolean isPublicClient(UUID appId) {
        return client(appId)
                .map(c -> !c.redirectUris().spa().isEmpty()
                        || !c.redirectUris().publicClient().isEmpty())
                .orElse(false);
    }

    /** The application, once {@code caller} is found to be allowed to change it (an admin or an owner). */
    private Application manageable(Caller caller, TenantId tenantId, UUID objectId) {
        access.requireSameTenant(caller, tenantId);
        Application application = find(tenantId, objectId);
        access.requireManageApplication(
                caller,
                tenantId,
                ApplicationOwnerService.owns(applications, caller, tenantId, AppObjectKind.APPLICATION, objectId));
        return application;
    }

    private Application find(TenantId tenantId, UUID objectId) {
        return applications
                .findById(tenantId, objectId)
                .orElseThrow(() -> new NotFoundException(
                        DirectoryError.APPLICATION_NOT_FOUND,
                        "Application '" + objectId + "' does not exist in this directory."));
    }
}
