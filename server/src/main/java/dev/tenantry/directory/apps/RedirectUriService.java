package dev.tenantry.directory.apps;

import dev.tenantry.directory.DirectoryAccess;
import dev.tenantry.directory.DirectoryError;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.Transactions;
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
            access.requireSameTenant(caller, tenantId);
            Application application = find(tenantId, objectId);
            access.requireManageApplication(
                    caller,
                    tenantId,
                    ApplicationOwnerService.owns(applications, caller, tenantId, AppObjectKind.APPLICATION, objectId));
            RedirectUris uris = applications.redirectUris(application.id());
            for (Map.Entry<RedirectUris.Platform, List<String>> change : changes.entrySet()) {
                uris = uris.with(change.getKey(), change.getValue());
            }
            applications.replaceRedirectUris(application.id(), uris);
            return uris;
        });
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

    private Application find(TenantId tenantId, UUID objectId) {
        return applications
                .findById(tenantId, objectId)
                .orElseThrow(() -> new NotFoundException(
                        DirectoryError.APPLICATION_NOT_FOUND,
                        "Application '" + objectId + "' does not exist in this directory."));
    }
}
