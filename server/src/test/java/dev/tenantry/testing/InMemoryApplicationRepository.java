package dev.tenantry.testing;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.apps.AppObjectKind;
import dev.tenantry.directory.apps.AppRole;
import dev.tenantry.directory.apps.AppRoleAssignment;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.ApplicationRepository;
import dev.tenantry.directory.apps.ExposedApi;
import dev.tenantry.directory.apps.ExposedApiError;
import dev.tenantry.directory.apps.OwnerRef;
import dev.tenantry.directory.apps.PermissionGrant;
import dev.tenantry.directory.apps.RedirectUris;
import dev.tenantry.directory.apps.RequiredResourceAccess;
import dev.tenantry.directory.apps.ServicePrincipal;
import dev.tenantry.directory.apps.StoredSecret;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A fake {@link ApplicationRepository} over maps, behaving as {@code JdbiApplicationRepository}: client ids unique on
 * the server, lists oldest first then in SQL id order, and deleting an application deletes its secrets, its service
 * principal and that one's grants.
 */
public final class InMemoryApplicationRepository implements ApplicationRepository, Restorable {

    private static final Comparator<Application> APPS_OLDEST_FIRST =
            Comparator.comparing(Application::createdAt).thenComparing(Application::id, Uuids.SQL_ORDER);
    private static final Comparator<ServicePrincipal> SPS_OLDEST_FIRST =
            Comparator.comparing(ServicePrincipal::createdAt).thenComparing(ServicePrincipal::id, Uuids.SQL_ORDER);
    private static final Comparator<AppRoleAssignment> GRANTS_OLDEST_FIRST =
            Comparator.comparing(AppRoleAssignment::createdAt).thenComparing(AppRoleAssignment::id, Uuids.SQL_ORDER);
    private static final Comparator<StoredSecret> SECRETS_BY_START = Comparator.comparing(
                    (StoredSecret s) -> s.credential().startDateTime())
            .thenComparing(s -> s.credential().keyId(), Uuids.SQL_ORDER);

    private final Map<UUID, Application> applications = new LinkedHashMap<>();
    private final Map<UUID, List<StoredSecret>> secrets = new LinkedHashMap<>();
    private final Map<UUID, ServicePrincipal> servicePrincipals = new LinkedHashMap<>();
    private final Map<UUID, AppRoleAssignment> assignments = new LinkedHashMap<>();
    /** Application or service principal id → its owners (ids are unique across both kinds). */
    private final Map<UUID, List<OwnerRef>> owners = new LinkedHashMap<>();

    private final Map<UUID, RedirectUris> redirectUris = new LinkedHashMap<>();
    private final Map<UUID, String> logoutUrls = new LinkedHashMap<>();
    private final Map<UUID, PermissionGrant> permissionGrants = new LinkedHashMap<>();
    private final Map<UUID, List<AppRole>> appRoles = new LinkedHashMap<>();
    private final Set<UUID> assignmentRequired = new HashSet<>();
    private final Map<UUID, List<RequiredResourceAccess>> requiredAccess = new LinkedHashMap<>();
    private final Map<UUID, ExposedApi> apis = new LinkedHashMap<>();

    @Override
    public void insert(Application application) {
        if (applications.containsKey(application.id())
                || findByAppId(application.appId()).isPresent()) {
            throw new IllegalStateException("duplicate application id or client id " + application.appId());
        }
        applications.put(application.id(), application);
    }

    @Override
    public boolean update(Application application) {
        Application stored = applications.get(application.id());
        if (stored == null || !stored.tenantId().equals(application.tenantId())) {
            return false;
        }
        applications.put(
                application.id(), stored.withChanges(application.displayName(), application.groupMembershipClaims()));
        return true;
    }

    @Override
    public Optional<Application> findById(TenantId tenantId, UUID id) {
        return Optional.ofNullable(applications.get(id))
                .filter(app -> app.tenantId().equals(tenantId))
                .map(this::withSecrets);
    }

    @Override
    public Optional<Application> findByAppId(UUID appId) {
        return applications.values().stream()
                .filter(app -> app.appId().equals(appId))
                .findFirst()
                .map(this::withSecrets);
    }

    @Override
    public List<Application> list(TenantId tenantId) {
        return applications.values().stream()
                .filter(app -> app.tenantId().equals(tenantId))
                .sorted(APPS_OLDEST_FIRST)
                .map(this::withSecrets)
                .toList();
    }

    @Override
    public boolean delete(TenantId tenantId, UUID id) {
        Optional<Application> application = findById(tenantId, id);
        application.ifPresent(app -> {
            applications.remove(id);
            secrets.remove(id);
            appRoles.remove(id);
            requiredAccess.remove(id);
            owners.remove(id);
            findServicePrincipalByAppId(tenantId, app.appId()).ifPresent(sp -> {
                servicePrincipals.remove(sp.id());
                forgetOwner(sp.id());
                assignments
                        .values()
                        .removeIf(a -> a.principalId().equals(sp.id())
                                || a.resourceId().equals(sp.id()));
            });
        });
        return application.isPresent();
    }

    @Override
    public void insertSecret(UUID applicationId, StoredSecret secret) {
        secrets.computeIfAbsent(applicationId, id -> new ArrayList<>()).add(secret);
    }

    @Override
    public List<StoredSecret> secrets(UUID applicationId) {
        return secrets.getOrDefault(applicationId, List.of()).stream()
                .sorted(SECRETS_BY_START)
                .toList();
    }

    @Override
    public boolean deleteServicePrincipal(TenantId tenantId, UUID id) {
        Optional<ServicePrincipal> sp = findServicePrincipal(tenantId, id);
        sp.ifPresent(found -> {
            servicePrincipals.remove(id);
            assignmentRequired.remove(id);
            forgetOwner(id);
            assignments
                    .values()
                    .removeIf(a -> a.principalId().equals(id) || a.resourceId().equals(id));
        });
        return sp.isPresent();
    }

    /**
     * Drops the app role assignments a deleted user or group held, as the SQL store deletes them with the user or
     * group (issue 11).
     */
    public void forgetPrincipal(UUID principalId) {
        assignments.values().removeIf(a -> a.principalId().equals(principalId));
    }

    @Override
    public boolean deleteSecret(UUID applicationId, UUID keyId) {
        return secrets.getOrDefault(applicationId, new ArrayList<>())
                .removeIf(secret -> secret.credential().keyId().equals(keyId));
    }

    @Override
    public void insertServicePrincipal(ServicePrincipal servicePrincipal) {
        if (findServicePrincipalByAppId(servicePrincipal.tenantId(), servicePrincipal.appId())
                .isPresent()) {
            throw new ConflictException(DirectoryError.SERVICE_PRINCIPAL_EXISTS, "exists");
        }
        servicePrincipals.put(servicePrincipal.id(), servicePrincipal);
    }

    @Override
    public Optional<ServicePrincipal> findServicePrincipal(TenantId tenantId, UUID id) {
        return Optional.ofNullable(servicePrincipals.get(id))
                .filter(sp -> sp.tenantId().equals(tenantId));
    }

    @Override
    public Optional<ServicePrincipal> findServicePrincipalByAppId(TenantId tenantId, UUID appId) {
        return servicePrincipals.values().stream()
                .filter(sp -> sp.tenantId().equals(tenantId) && sp.appId().equals(appId))
                .findFirst();
    }

    @Override
    public List<ServicePrincipal> listServicePrincipals(TenantId tenantId) {
        return servicePrincipals.values().stream()
                .filter(sp -> sp.tenantId().equals(tenantId))
                .sorted(SPS_OLDEST_FIRST)
                .toList();
    }

    @Override
    public void insertAssignment(AppRoleAssignment assignment) {
        boolean duplicate = assignments.values().stream()
                .anyMatch(a -> a.principalId().equals(assignment.principalId())
                        && a.resourceId().equals(assignment.resourceId())
                        && a.appRoleId().equals(assignment.appRoleId()));
        if (duplicate) {
            throw new ConflictException(DirectoryError.APP_ROLE_ALREADY_GRANTED, "granted");
        }
        assignments.put(assignment.id(), assignment);
    }

    @Override
    public List<AppRoleAssignment> assignmentsOf(TenantId tenantId, UUID principalId) {
        return assignments.values().stream()
                .filter(a -> a.tenantId().equals(tenantId) && a.principalId().equals(principalId))
                .sorted(GRANTS_OLDEST_FIRST)
                .toList();
    }

    @Override
    public boolean deleteAssignment(TenantId tenantId, UUID principalId, UUID assignmentId) {
        AppRoleAssignment assignment = assignments.get(assignmentId);
        if (assignment == null
                || !assignment.tenantId().equals(tenantId)
                || !assignment.principalId().equals(principalId)) {
            return false;
        }
        assignments.remove(assignmentId);
        return true;
    }

    @Override
    public boolean addOwner(TenantId tenantId, AppObjectKind kind, UUID objectId, OwnerRef owner, Instant at) {
        if (!exists(tenantId, kind, objectId)) {
            return false;
        }
        List<OwnerRef> held = owners.computeIfAbsent(objectId, id -> new ArrayList<>());
        if (held.stream().anyMatch(o -> o.id().equals(owner.id()))) {
            return false;
        }
        held.add(owner);
        return true;
    }

    @Override
    public boolean removeOwner(TenantId tenantId, AppObjectKind kind, UUID objectId, UUID ownerId) {
        return exists(tenantId, kind, objectId)
                && owners.getOrDefault(objectId, new ArrayList<>()).removeIf(o -> o.id().equals(ownerId));
    }

    @Override
    public List<OwnerRef> owners(TenantId tenantId, AppObjectKind kind, UUID objectId) {
        if (!exists(tenantId, kind, objectId)) {
            return List.of();
        }
        return owners.getOrDefault(objectId, List.of()).stream()
                .sorted(Comparator.comparing(OwnerRef::id, Uuids.SQL_ORDER))
                .toList();
    }

    @Override
    public List<Application> applicationsOwnedBy(TenantId tenantId, UUID ownerId) {
        return applications.values().stream()
                .filter(app -> app.tenantId().equals(tenantId) && owns(ownerId, app.id()))
                .sorted(Comparator.comparing(Application::id, Uuids.SQL_ORDER))
                .map(this::withSecrets)
                .toList();
    }

    @Override
    public List<ServicePrincipal> servicePrincipalsOwnedBy(TenantId tenantId, UUID ownerId) {
        return servicePrincipals.values().stream()
                .filter(sp -> sp.tenantId().equals(tenantId) && owns(ownerId, sp.id()))
                .sorted(Comparator.comparing(ServicePrincipal::id, Uuids.SQL_ORDER))
                .toList();
    }

    /** Drops a deleted user's ownerships, as the SQL foreign keys do. */
    public void forgetOwner(UUID ownerId) {
        owners.remove(ownerId);
        owners.values().forEach(held -> held.removeIf(o -> o.id().equals(ownerId)));
    }

    private boolean owns(UUID ownerId, UUID objectId) {
        return owners.getOrDefault(objectId, List.of()).stream().anyMatch(o -> Objects.equals(o.id(), ownerId));
    }

    private boolean exists(TenantId tenantId, AppObjectKind kind, UUID objectId) {
        return switch (kind) {
            case APPLICATION -> findById(tenantId, objectId).isPresent();
            case SERVICE_PRINCIPAL -> findServicePrincipal(tenantId, objectId).isPresent();
        };
    }

    private Application withSecrets(Application app) {
        return new Application(
                app.id(),
                app.tenantId(),
                app.appId(),
                app.displayName(),
                app.createdAt(),
                secrets(app.id()).stream().map(StoredSecret::credential).toList(),
                app.groupMembershipClaims());
    }

    @Override
    public RedirectUris redirectUris(UUID applicationId) {
        return applications.containsKey(applicationId)
                ? redirectUris.getOrDefault(applicationId, RedirectUris.NONE)
                : RedirectUris.NONE;
    }

    @Override
    public void replaceRedirectUris(UUID applicationId, RedirectUris uris) {
        redirectUris.put(applicationId, uris);
    }

    @Override
    public Optional<String> findLogoutUrl(UUID applicationId) {
        return applications.containsKey(applicationId)
                ? Optional.ofNullable(logoutUrls.get(applicationId))
                : Optional.empty();
    }

    @Override
    public void replaceLogoutUrl(UUID applicationId, String url) {
        if (url == null) {
            logoutUrls.remove(applicationId);
        } else {
            logoutUrls.put(applicationId, url);
        }
    }

    @Override
    public void insertPermissionGrant(PermissionGrant grant) {
        permissionGrants.put(grant.id(), grant);
    }

    @Override
    public List<PermissionGrant> permissionGrants(TenantId tenantId) {
        // a grant goes with either service principal, as the SQL foreign keys cascade
        permissionGrants
                .values()
                .removeIf(g ->
                        !servicePrincipals.containsKey(g.clientId()) || !servicePrincipals.containsKey(g.resourceId()));
        return permissionGrants.values().stream()
                .filter(g -> g.tenantId().equals(tenantId))
                .sorted(Comparator.comparing(PermissionGrant::createdAt).thenComparing(PermissionGrant::id))
                .toList();
    }

    @Override
    public boolean updatePermissionGrant(PermissionGrant grant) {
        PermissionGrant stored = permissionGrants.get(grant.id());
        if (stored == null || !stored.tenantId().equals(grant.tenantId())) {
            return false;
        }
        permissionGrants.put(grant.id(), stored.withScope(grant.scope()));
        return true;
    }

    @Override
    public boolean deletePermissionGrant(TenantId tenantId, UUID id) {
        PermissionGrant stored = permissionGrants.get(id);
        if (stored == null || !stored.tenantId().equals(tenantId)) {
            return false;
        }
        permissionGrants.remove(id);
        return true;
    }

    @Override
    public List<AppRole> appRoles(UUID applicationId) {
        return appRoles.getOrDefault(applicationId, List.of());
    }

    @Override
    public void replaceAppRoles(UUID applicationId, List<AppRole> roles) {
        appRoles.put(applicationId, List.copyOf(roles));
    }

    @Override
    public boolean appRoleAssignmentRequired(TenantId tenantId, UUID servicePrincipalId) {
        return findServicePrincipal(tenantId, servicePrincipalId).isPresent()
                && assignmentRequired.contains(servicePrincipalId);
    }

    @Override
    public boolean setAppRoleAssignmentRequired(TenantId tenantId, UUID servicePrincipalId, boolean required) {
        if (findServicePrincipal(tenantId, servicePrincipalId).isEmpty()) {
            return false;
        }
        if (required) {
            assignmentRequired.add(servicePrincipalId);
        } else {
            assignmentRequired.remove(servicePrincipalId);
        }
        return true;
    }

    @Override
    public List<AppRoleAssignment> assignmentsTo(TenantId tenantId, UUID resourceId) {
        return assignments.values().stream()
                .filter(a -> a.tenantId().equals(tenantId) && a.resourceId().equals(resourceId))
                .sorted(GRANTS_OLDEST_FIRST)
                .toList();
    }

    @Override
    public List<RequiredResourceAccess> requiredResourceAccess(UUID applicationId) {
        return requiredAccess.getOrDefault(applicationId, List.of());
    }

    @Override
    public void replaceRequiredResourceAccess(UUID applicationId, List<RequiredResourceAccess> access) {
        requiredAccess.put(applicationId, List.copyOf(access));
    }

    private static Runnable restorable(Set<UUID> set) {
        Set<UUID> copy = Set.copyOf(set);
        return () -> {
            set.clear();
            set.addAll(copy);
        };
    }

    @Override
    public Runnable snapshot() {
        return Restorable.all(
                Restorable.copyOf(applications),
                Restorable.copyOf(secrets, ArrayList::new),
                Restorable.copyOf(servicePrincipals),
                Restorable.copyOf(assignments),
                Restorable.copyOf(owners, ArrayList::new),
                Restorable.copyOf(redirectUris),
                Restorable.copyOf(permissionGrants),
                Restorable.copyOf(appRoles),
                Restorable.copyOf(requiredAccess),
                restorable(assignmentRequired),
                Restorable.copyOf(apis));
    }

    @Override
    public ExposedApi findApi(UUID applicationId) {
        return applications.containsKey(applicationId)
                ? apis.getOrDefault(applicationId, ExposedApi.NONE)
                : ExposedApi.NONE;
    }

    @Override
    public void replaceApi(TenantId tenantId, UUID applicationId, ExposedApi api) {
        for (String uri : api.identifierUris()) {
            Optional<Application> holder = findByIdentifierUri(tenantId, uri);
            if (holder.isPresent() && !holder.get().id().equals(applicationId)) {
                throw new ConflictException(
                        ExposedApiError.IDENTIFIER_URI_CONFLICT,
                        "Another object with the same value for property identifierUris already exists.");
            }
        }
        apis.put(applicationId, api);
    }

    @Override
    public Optional<Application> findByIdentifierUri(TenantId tenantId, String uri) {
        return apis.entrySet().stream()
                .filter(e -> applications.containsKey(e.getKey()))
                .filter(e -> e.getValue().identifierUris().stream().anyMatch(u -> u.equalsIgnoreCase(uri)))
                .map(e -> applications.get(e.getKey()))
                .filter(app -> app.tenantId().equals(tenantId))
                .findFirst()
                .map(this::withSecrets);
    }
}
