package dev.tenantry.directory.apps;

import dev.tenantry.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores app registrations, their secrets, service principals and app role assignments. */
public interface ApplicationRepository {

    /** Inserts an application (its secrets are added with {@link #insertSecret}). */
    void insert(Application application);

    /** The tenant's application with object id {@code id}, with its secrets ordered by start time. */
    Optional<Application> findById(TenantId tenantId, UUID id);

    /** Changes the application's display name and {@code groupMembershipClaims}; false when there was none. */
    boolean update(Application application);

    /** The application with client id {@code appId}, in any tenant. */
    Optional<Application> findByAppId(UUID appId);

    /** The tenant's applications ordered by creation time, then id. */
    List<Application> list(TenantId tenantId);

    /** Deletes the application, its secrets and its service principal in its own tenant; false when there was none. */
    boolean delete(TenantId tenantId, UUID id);

    void insertSecret(UUID applicationId, StoredSecret secret);

    /** Every secret of the application, expired ones included. */
    List<StoredSecret> secrets(UUID applicationId);

    /** Deletes the application's secret {@code keyId}; false when it has none such. */
    boolean deleteSecret(UUID applicationId, UUID keyId);

    /** Deletes the service principal and the app role assignments to and from it; false when there was none. */
    boolean deleteServicePrincipal(TenantId tenantId, UUID id);

    /** Inserts a service principal; one for the same app in the tenant is a {@code ConflictException}. */
    void insertServicePrincipal(ServicePrincipal servicePrincipal);

    Optional<ServicePrincipal> findServicePrincipal(TenantId tenantId, UUID id);

    Optional<ServicePrincipal> findServicePrincipalByAppId(TenantId tenantId, UUID appId);

    /** The tenant's service principals ordered by creation time, then id. */
    List<ServicePrincipal> listServicePrincipals(TenantId tenantId);

    /** Inserts an assignment; the same role granted twice is a {@code ConflictException}. */
    void insertAssignment(AppRoleAssignment assignment);

    /** The assignments granted to {@code principalId}, ordered by creation time. */
    List<AppRoleAssignment> assignmentsOf(TenantId tenantId, UUID principalId);

    /** Deletes one assignment of the principal; false when there was none. */
    boolean deleteAssignment(TenantId tenantId, UUID principalId, UUID assignmentId);

    /**
     * Adds {@code owner} to the tenant's application or service principal {@code objectId} ({@code kind} says which);
     * false when it already was an owner.
     */
    boolean addOwner(TenantId tenantId, AppObjectKind kind, UUID objectId, OwnerRef owner, Instant at);

    /** Removes the owner {@code ownerId} of the object; false when it was none. */
    boolean removeOwner(TenantId tenantId, AppObjectKind kind, UUID objectId, UUID ownerId);

    /** The owners of the object, ordered by owner id; empty for an object of another tenant. */
    List<OwnerRef> owners(TenantId tenantId, AppObjectKind kind, UUID objectId);

    /** The tenant's applications {@code ownerId} (a user or a service principal) owns, ordered by id. */
    List<Application> applicationsOwnedBy(TenantId tenantId, UUID ownerId);

    /** The tenant's service principals {@code ownerId} (a user or a service principal) owns, ordered by id. */
    List<ServicePrincipal> servicePrincipalsOwnedBy(TenantId tenantId, UUID ownerId);

    /** The redirect URIs of the application (issue 11); none when it registered none. */
    RedirectUris redirectUris(UUID applicationId);

    /** Replaces every redirect URI of the application. */
    void replaceRedirectUris(UUID applicationId, RedirectUris uris);

    /** The application's front-channel logout URL (issue 11: Graph's {@code web.logoutUrl}), if it has one. */
    Optional<String> findLogoutUrl(UUID applicationId);

    /** Sets the application's front-channel logout URL; null removes it. */
    void replaceLogoutUrl(UUID applicationId, String url);

    /** Inserts a delegated permission grant (issue 11). */
    void insertPermissionGrant(PermissionGrant grant);

    /** The tenant's delegated permission grants, ordered by creation time, then id. */
    List<PermissionGrant> permissionGrants(TenantId tenantId);

    /** Replaces the scope of the tenant's grant; false when there was none. */
    boolean updatePermissionGrant(PermissionGrant grant);

    /** Deletes the tenant's grant {@code id}; false when there was none. */
    boolean deletePermissionGrant(TenantId tenantId, UUID id);

    /** The app roles the application defines, in the order they were set (issue 11); none for another's id. */
    List<AppRole> appRoles(UUID applicationId);

    /** Replaces every app role of the application. */
    void replaceAppRoles(UUID applicationId, List<AppRole> roles);

    /** Whether users need an app role assignment to sign in to the service principal's app; false when unknown. */
    boolean appRoleAssignmentRequired(TenantId tenantId, UUID servicePrincipalId);

    /** Sets {@code appRoleAssignmentRequired} of the tenant's service principal; false when there was none. */
    boolean setAppRoleAssignmentRequired(TenantId tenantId, UUID servicePrincipalId, boolean required);

    /** The assignments of roles of the resource service principal {@code resourceId}, ordered by creation time. */
    List<AppRoleAssignment> assignmentsTo(TenantId tenantId, UUID resourceId);

    /** The permissions the application asks for, per resource in the order set (issue 11). */
    List<RequiredResourceAccess> requiredResourceAccess(UUID applicationId);

    /** Replaces every {@code requiredResourceAccess} entry of the application. */
    void replaceRequiredResourceAccess(UUID applicationId, List<RequiredResourceAccess> access);

    /** What the application exposes as an API (issue 11); {@link ExposedApi#NONE} when it exposes nothing. */
    ExposedApi findApi(UUID applicationId);

    /**
     * Replaces what the tenant's application exposes; an identifier URI another application of the tenant has
     * (compared lower-cased) is a {@code ConflictException}.
     */
    void replaceApi(TenantId tenantId, UUID applicationId, ExposedApi api);

    /** The tenant's application one of whose identifier URIs is {@code uri}, compared case-insensitively. */
    Optional<Application> findByIdentifierUri(TenantId tenantId, String uri);
}
