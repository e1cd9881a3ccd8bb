package dev.tenantry.app.testmode;

import dev.tenantry.app.Stores;
import dev.tenantry.app.testmode.Seed.ApiPermissionSeed;
import dev.tenantry.app.testmode.Seed.ApiSeed;
import dev.tenantry.app.testmode.Seed.AppRoleAssignmentSeed;
import dev.tenantry.app.testmode.Seed.AppRoleSeed;
import dev.tenantry.app.testmode.Seed.FederatedCredentialSeed;
import dev.tenantry.app.testmode.Seed.PermissionScopeSeed;
import dev.tenantry.app.testmode.Seed.RequiredResourceAccessSeed;
import dev.tenantry.app.testmode.Seed.ResourceAccessSeed;
import dev.tenantry.app.testmode.Seed.TokenLifetimePolicySeed;
import dev.tenantry.directory.apps.AppRole;
import dev.tenantry.directory.apps.AppRoleAssignment;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.ExposedApi;
import dev.tenantry.directory.apps.PermissionGrant;
import dev.tenantry.directory.apps.PermissionScope;
import dev.tenantry.directory.apps.TokenLifetimePolicy;
import dev.tenantry.shared.TenantId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The parts of an exported application that issue 11 added (app roles and who holds them, the exposed API, the
 * permissions it asks for, grants to the directory's APIs, federated identity credentials) and the directory's token
 * lifetime policies, in the seed's shape. Other entries are named by the handles the export gave them; an assignment or
 * grant whose principal has none (a guest, a managed identity) is left out. Lists are sorted, so an export of a load
 * of an export is the same file.
 */
final class SeedRegistrationExport {

    /** The handles the export gave the directory's users, groups and applications (by object, sp and client id). */
    record Names(
            Map<UUID, String> users,
            Map<UUID, String> groups,
            Map<UUID, String> appsByServicePrincipal,
            Map<UUID, String> appsByAppId,
            Map<UUID, String> appsByObjectId,
            Map<UUID, String> clouds) {}

    private final Stores stores;
    private final TenantId tenantId;
    private final Names names;

    SeedRegistrationExport(Stores stores, TenantId tenantId, Names names) {
        this.stores = stores;
        this.tenantId = tenantId;
        this.names = names;
    }

    List<AppRoleSeed> appRoles(Application application) {
        return stores.applications().appRoles(application.id()).stream()
                .sorted(Comparator.comparing(AppRole::id))
                .map(role -> new AppRoleSeed(
                        role.id().toString(),
                        role.value(),
                        role.displayName(),
                        role.description(),
                        role.allowedMemberTypes().stream()
                                .map(AppRole.MemberType::graphName)
                                .sorted()
                                .toList(),
                        role.isEnabled() ? null : Boolean.FALSE))
                .toList();
    }

    /** Who holds the roles of the application's service principal {@code principalId}. */
    List<AppRoleAssignmentSeed> assignments(Application application, UUID principalId) {
        List<AppRole> roles = stores.applications().appRoles(application.id());
        return stores.applications().assignmentsTo(tenantId, principalId).stream()
                .map(a -> assignment(a, roles))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(AppRoleAssignmentSeed::toString))
                .toList();
    }

    private Optional<AppRoleAssignmentSeed> assignment(AppRoleAssignment assignment, List<AppRole> roles) {
        String role = AppRole.DEFAULT_ACCESS.equals(assignment.appRoleId())
                ? null
                : roles.stream()
                        .filter(r -> r.id().equals(assignment.appRoleId()) && r.value() != null)
                        .map(AppRole::value)
                        .findFirst()
                        .orElse(assignment.appRoleId().toString());
        UUID principal = assignment.principalId();
        if (names.users().containsKey(principal)) {
            return Optional.of(new AppRoleAssignmentSeed(role, names.users().get(principal), null, null, null, null));
        }
        if (names.groups().containsKey(principal)) {
            return Optional.of(
                    new AppRoleAssignmentSeed(role, null, names.groups().get(principal), null, null, null));
        }
        return Optional.ofNullable(names.appsByServicePrincipal().get(principal))
                .map(app -> new AppRoleAssignmentSeed(role, null, null, app, null, null))
                .or(() -> SeedIdentityExport.reference(stores, names.clouds(), principal, null)
                        .map(ref -> new AppRoleAssignmentSeed(role, null, null, null, ref.identity(), ref.host())));
    }

    List<RequiredResourceAccessSeed> requiredResourceAccess(Application application) {
        return stores.applications().requiredResourceAccess(application.id()).stream()
                .map(resource -> new RequiredResourceAccessSeed(
                        names.appsByAppId().get(resource.resourceAppId()),
                        names.appsByAppId().containsKey(resource.resourceAppId())
                                ? null
                                : resource.resourceAppId().toString(),
                        resource.resourceAccess().stream()
                                .map(a -> new ResourceAccessSeed(
                                        a.id().toString(), a.type().name()))
                                .sorted(Comparator.comparing(ResourceAccessSeed::toString))
                                .toList()))
                .sorted(Comparator.comparing(RequiredResourceAccessSeed::toString))
                .toList();
    }

    List<String> identifierUris(Application application) {
        return stores.applications().findApi(application.id()).identifierUris().stream()
                .sorted()
                .toList();
    }

    /** The application's {@code api}: null when it offers no scope and keeps the default token version. */
    ApiSeed api(Application application) {
        ExposedApi api = stores.applications().findApi(application.id());
        if (api.scopes().isEmpty() && api.requestedAccessTokenVersion() == null) {
            return null;
        }
        return new ApiSeed(
                api.requestedAccessTokenVersion(),
                api.scopes().stream()
                        .sorted(Comparator.comparing(PermissionScope::id))
                        .map(s -> new PermissionScopeSeed(
                                s.id().toString(),
                                s.value(),
                                s.type(),
                                s.adminConsentDisplayName(),
                                s.adminConsentDescription(),
                                s.userConsentDisplayName(),
                                s.userConsentDescription(),
                                s.enabled() ? null : Boolean.FALSE))
                        .toList());
    }

    /** Grants to the client {@code principalId} of APIs of this directory; Microsoft Graph's go out as before. */
    List<ApiPermissionSeed> apiPermissions(UUID principalId, List<PermissionGrant> grants, UUID graph) {
        return grants.stream()
                .filter(g -> g.clientId().equals(principalId) && !g.resourceId().equals(graph))
                .filter(g -> names.appsByServicePrincipal().containsKey(g.resourceId()))
                .filter(g -> PermissionGrant.ALL_PRINCIPALS.equals(g.consentType())
                        || names.users().containsKey(g.principalId()))
                .map(g -> new ApiPermissionSeed(
                        names.appsByServicePrincipal().get(g.resourceId()),
                        g.principalId() == null ? null : names.users().get(g.principalId()),
                        g.scopes()))
                .sorted(Comparator.comparing(ApiPermissionSeed::toString))
                .toList();
    }

    List<FederatedCredentialSeed> federatedCredentials(Application application) {
        return stores.keyCredentials().federated(application.id()).stream()
                .sorted(Comparator.comparing(c -> c.name()))
                .map(c -> new FederatedCredentialSeed(
                        c.id().toString(), c.name(), c.issuer(), c.subject(), c.audiences(), c.description()))
                .toList();
    }

    /** The directory's token lifetime policies, each with the applications it is assigned to. */
    List<TokenLifetimePolicySeed> policies(List<Application> applications) {
        Map<UUID, List<String>> appliesTo = new TreeMap<>();
        for (Application application : applications) {
            stores.tokenLifetimePolicies()
                    .findAssigned(tenantId, application.id())
                    .ifPresent(p -> appliesTo
                            .computeIfAbsent(p.id(), id -> new java.util.ArrayList<>())
                            .add(names.appsByObjectId().get(application.id())));
        }
        return stores.tokenLifetimePolicies().list(tenantId).stream()
                .sorted(Comparator.comparing(TokenLifetimePolicy::id))
                .map(p -> new TokenLifetimePolicySeed(
                        p.id().toString(),
                        p.displayName(),
                        p.isOrganizationDefault() ? Boolean.TRUE : null,
                        p.definition(),
                        appliesTo.getOrDefault(p.id(), List.of()).stream()
                                .filter(Objects::nonNull)
                                .sorted()
                                .toList()))
                .toList();
    }
}
