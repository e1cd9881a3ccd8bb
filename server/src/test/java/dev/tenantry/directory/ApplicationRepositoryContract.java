package dev.tenantry.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.apps.AppObjectKind;
import dev.tenantry.directory.apps.AppRole;
import dev.tenantry.directory.apps.AppRoleAssignment;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.ApplicationRepository;
import dev.tenantry.directory.apps.ClientSecret;
import dev.tenantry.directory.apps.ExposedApi;
import dev.tenantry.directory.apps.GroupMembershipClaims;
import dev.tenantry.directory.apps.OwnerRef;
import dev.tenantry.directory.apps.PermissionGrant;
import dev.tenantry.directory.apps.PermissionScope;
import dev.tenantry.directory.apps.RedirectUris;
import dev.tenantry.directory.apps.RequiredResourceAccess;
import dev.tenantry.directory.apps.ServicePrincipal;
import dev.tenantry.directory.apps.StoredSecret;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.testing.ContractStores;
import dev.tenantry.testing.RepositoryContract;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link ApplicationRepository} does (issue 8: a contract per fake, run on the fake and on SQL). */
public abstract class ApplicationRepositoryContract extends RepositoryContract {

    protected ApplicationRepositoryContract(ContractStores stores) {
        super(stores);
    }

    private ApplicationRepository apps() {
        return stores.applications();
    }

    private Application app(Tenant tenant, UUID id, String name, Instant createdAt) {
        Application app = new Application(id, tenant.id(), UUID.randomUUID(), name, createdAt, List.of());
        apps().insert(app);
        return app;
    }

    private Application app(Tenant tenant, String name) {
        return app(tenant, UUID.randomUUID(), name, NOW);
    }

    private StoredSecret secret(Application app, UUID keyId, Instant start) {
        StoredSecret secret = new StoredSecret(
                new ClientSecret(keyId, "key " + keyId, "abc", start, start.plusSeconds(86_400)), "hash-" + keyId);
        apps().insertSecret(app.id(), secret);
        return secret;
    }

    private ServicePrincipal servicePrincipal(Tenant tenant, Application app, UUID id, Instant createdAt) {
        ServicePrincipal sp = new ServicePrincipal(id, tenant.id(), app.appId(), app.displayName(), createdAt);
        apps().insertServicePrincipal(sp);
        return sp;
    }

    private ServicePrincipal servicePrincipal(Tenant tenant, Application app) {
        return servicePrincipal(tenant, app, UUID.randomUUID(), NOW);
    }

    private AppRoleAssignment grant(ServicePrincipal principal, ServicePrincipal resource, UUID id, Instant at) {
        AppRoleAssignment assignment =
                new AppRoleAssignment(id, principal.tenantId(), principal.id(), resource.id(), UUID.randomUUID(), at);
        apps().insertAssignment(assignment);
        return assignment;
    }

    @Test
    @DisplayName("issue 8: an application is found by id in its directory and by client id anywhere, with its secrets")
    void applicationIsFoundWithItsSecretsInStartOrder() {
        Application app = app(contoso, "Payroll");
        UUID[] keys = idsOutOfJavaOrder();
        StoredSecret late = secret(app, UUID.randomUUID(), NOW.plusSeconds(60));
        StoredSecret tieA = secret(app, keys[0], NOW);
        StoredSecret tieB = secret(app, keys[1], NOW);

        Application found = apps().findById(contoso.id(), app.id()).orElseThrow();

        assertThat(found.passwordCredentials())
                .containsExactly(tieB.credential(), tieA.credential(), late.credential());
        assertThat(apps().secrets(app.id())).containsExactly(tieB, tieA, late);
        assertThat(apps().findByAppId(app.appId())).contains(found);
        assertThat(apps().findById(fabrikam.id(), app.id())).isEmpty();
        assertThat(apps().findByAppId(UUID.randomUUID())).isEmpty();
    }

    @Test
    @DisplayName("issue 9: an update changes the display name and groupMembershipClaims, in the app's directory only")
    void updateKeepsGroupMembershipClaims() {
        Application app = app(contoso, "Payroll");
        assertThat(apps().findById(contoso.id(), app.id()).orElseThrow().groupMembershipClaims())
                .isNull();

        Application changed = app.withChanges("Payroll v2", GroupMembershipClaims.SECURITY_GROUP);
        Application foreign = new Application(
                app.id(), fabrikam.id(), app.appId(), "Stolen", NOW, List.of(), GroupMembershipClaims.ALL);

        assertThat(apps().update(foreign)).isFalse();
        assertThat(apps().update(changed)).isTrue();
        assertThat(apps().findByAppId(app.appId())).contains(changed);
        assertThat(apps().list(contoso.id())).containsExactly(changed);
    }

    @Test
    @DisplayName("issue 8: a directory's applications are listed oldest first, then by id")
    void listIsInCreationOrderThenId() {
        UUID[] ids = idsOutOfJavaOrder();
        Application newest = app(contoso, UUID.randomUUID(), "Newest", NOW.plusSeconds(60));
        Application tieA = app(contoso, ids[0], "A", NOW);
        Application tieB = app(contoso, ids[1], "B", NOW);
        app(fabrikam, "Elsewhere");

        assertThat(apps().list(contoso.id())).containsExactly(tieB, tieA, newest);
    }

    @Test
    @DisplayName("issue 8: a client id is unique on the server")
    void clientIdIsUnique() {
        Application app = app(contoso, "Payroll");
        Application sameClientId =
                new Application(UUID.randomUUID(), fabrikam.id(), app.appId(), "Copy", NOW, List.of());

        assertThatThrownBy(() -> apps().insert(sameClientId)).isInstanceOf(RuntimeException.class);
        assertThat(apps().findByAppId(app.appId())).contains(app);
        assertThat(apps().list(fabrikam.id())).isEmpty();
    }

    @Test
    @DisplayName("issue 11: deleting a user or a group deletes the app role assignments it held, and no other")
    void assignmentsGoWithTheUserOrGroupHoldingThem() {
        User alice = user(contoso, "alice");
        User bob = user(contoso, "bob");
        Group sales =
                new Group(UUID.randomUUID(), contoso.id(), "Sales", null, "sales", null, false, true, false, null, NOW);
        stores.directoryGroups().insert(sales);
        ServicePrincipal resource = servicePrincipal(contoso, app(contoso, "Orders"));
        AppRoleAssignment toBob = assign(bob.id().value(), resource);
        assign(alice.id().value(), resource);
        assign(sales.id(), resource);

        stores.users().delete(contoso.id(), alice.id());
        stores.directoryGroups().delete(contoso.id(), sales.id());

        assertThat(apps().assignmentsTo(contoso.id(), resource.id())).containsExactly(toBob);
        assertThat(apps().assignmentsOf(contoso.id(), alice.id().value())).isEmpty();
        assertThat(apps().assignmentsOf(contoso.id(), sales.id())).isEmpty();
    }

    private AppRoleAssignment assign(UUID principalId, ServicePrincipal resource) {
        AppRoleAssignment assignment = new AppRoleAssignment(
                UUID.randomUUID(), contoso.id(), principalId, resource.id(), UUID.randomUUID(), NOW);
        apps().insertAssignment(assignment);
        return assignment;
    }

    @Test
    @DisplayName("issue 8: deleting an application deletes its secrets, its service principal and that one's grants")
    void deleteCascades() {
        Application app = app(contoso, "Payroll");
        Application api = app(contoso, "Api");
        secret(app, UUID.randomUUID(), NOW);
        ServicePrincipal sp = servicePrincipal(contoso, app);
        ServicePrincipal resource = servicePrincipal(contoso, api);
        ServicePrincipal other = servicePrincipal(contoso, app(contoso, "Other"));
        grant(sp, resource, UUID.randomUUID(), NOW);
        grant(resource, sp, UUID.randomUUID(), NOW);
        AppRoleAssignment unrelated = grant(other, resource, UUID.randomUUID(), NOW);

        assertThat(apps().delete(fabrikam.id(), app.id())).isFalse();
        assertThat(apps().delete(contoso.id(), app.id())).isTrue();

        assertThat(apps().findById(contoso.id(), app.id())).isEmpty();
        assertThat(apps().secrets(app.id())).isEmpty();
        assertThat(apps().findServicePrincipal(contoso.id(), sp.id())).isEmpty();
        assertThat(apps().assignmentsOf(contoso.id(), sp.id())).isEmpty();
        assertThat(apps().assignmentsOf(contoso.id(), resource.id())).isEmpty();
        assertThat(apps().assignmentsOf(contoso.id(), other.id())).containsExactly(unrelated);
        assertThat(apps().delete(contoso.id(), app.id())).isFalse();
    }

    @Test
    @DisplayName("issue 8: an application has one service principal per directory")
    void oneServicePrincipalPerApplicationAndDirectory() {
        Application app = app(contoso, "Payroll");
        ServicePrincipal sp = servicePrincipal(contoso, app);
        ServicePrincipal second = new ServicePrincipal(UUID.randomUUID(), contoso.id(), app.appId(), "Again", NOW);

        assertThatThrownBy(() -> apps().insertServicePrincipal(second))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("service_principal_exists"));
        ServicePrincipal elsewhere = servicePrincipal(fabrikam, app);

        assertThat(apps().findServicePrincipalByAppId(contoso.id(), app.appId()))
                .contains(sp);
        assertThat(apps().findServicePrincipalByAppId(fabrikam.id(), app.appId()))
                .contains(elsewhere);
        assertThat(apps().findServicePrincipal(fabrikam.id(), sp.id())).isEmpty();
    }

    @Test
    @DisplayName("issue 8: a directory's service principals are listed oldest first, then by id")
    void servicePrincipalsAreInCreationOrderThenId() {
        UUID[] ids = idsOutOfJavaOrder();
        ServicePrincipal newest =
                servicePrincipal(contoso, app(contoso, "Newest"), UUID.randomUUID(), NOW.plusSeconds(60));
        ServicePrincipal tieA = servicePrincipal(contoso, app(contoso, "A"), ids[0], NOW);
        ServicePrincipal tieB = servicePrincipal(contoso, app(contoso, "B"), ids[1], NOW);
        servicePrincipal(fabrikam, app(fabrikam, "Elsewhere"));

        assertThat(apps().listServicePrincipals(contoso.id())).containsExactly(tieB, tieA, newest);
    }

    @Test
    @DisplayName("issue 8: an app role is granted once; grants are listed oldest first, then by id")
    void grantsAreUniqueAndInCreationOrder() {
        UUID[] ids = idsOutOfJavaOrder();
        ServicePrincipal sp = servicePrincipal(contoso, app(contoso, "Payroll"));
        ServicePrincipal api = servicePrincipal(contoso, app(contoso, "Api"));
        AppRoleAssignment newest = grant(sp, api, UUID.randomUUID(), NOW.plusSeconds(60));
        AppRoleAssignment tieA = grant(sp, api, ids[0], NOW);
        AppRoleAssignment tieB = grant(sp, api, ids[1], NOW);
        AppRoleAssignment again =
                new AppRoleAssignment(UUID.randomUUID(), contoso.id(), sp.id(), api.id(), tieA.appRoleId(), NOW);

        assertThatThrownBy(() -> apps().insertAssignment(again))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("app_role_already_granted"));
        assertThat(apps().assignmentsOf(contoso.id(), sp.id())).containsExactly(tieB, tieA, newest);
        assertThat(apps().assignmentsOf(fabrikam.id(), sp.id())).isEmpty();
        assertThat(apps().assignmentsOf(contoso.id(), api.id())).isEmpty();
    }

    @Test
    @DisplayName("issue 8: a grant is deleted only through its own principal and directory")
    void grantIsDeletedOnlyThroughItsPrincipal() {
        ServicePrincipal sp = servicePrincipal(contoso, app(contoso, "Payroll"));
        ServicePrincipal api = servicePrincipal(contoso, app(contoso, "Api"));
        AppRoleAssignment grant = grant(sp, api, UUID.randomUUID(), NOW);

        assertThat(apps().deleteAssignment(contoso.id(), api.id(), grant.id())).isFalse();
        assertThat(apps().deleteAssignment(fabrikam.id(), sp.id(), grant.id())).isFalse();
        assertThat(apps().deleteAssignment(contoso.id(), sp.id(), grant.id())).isTrue();
        assertThat(apps().assignmentsOf(contoso.id(), sp.id())).isEmpty();
        assertThat(apps().deleteAssignment(contoso.id(), sp.id(), grant.id())).isFalse();
    }

    @Test
    @DisplayName("issue 12: deleting a secret removes that one only, and says whether it was there")
    void deletingASecretRemovesThatOne() {
        Application app = app(contoso, "Secrets");
        UUID kept = UUID.randomUUID();
        UUID removed = UUID.randomUUID();
        StoredSecret keep = secret(app, kept, NOW);
        secret(app, removed, NOW.plusSeconds(1));

        assertThat(apps().deleteSecret(app.id(), removed)).isTrue();
        assertThat(apps().deleteSecret(app.id(), removed)).isFalse();
        assertThat(apps().deleteSecret(UUID.randomUUID(), kept)).isFalse();
        assertThat(apps().secrets(app.id())).containsExactly(keep);
    }

    @Test
    @DisplayName("issue 12: deleting a service principal takes its app role assignments, keeps the registration")
    void deletingAServicePrincipal() {
        Application app = app(contoso, "Client");
        Application api = app(contoso, "Api");
        ServicePrincipal sp = servicePrincipal(contoso, app);
        ServicePrincipal resource = servicePrincipal(contoso, api);
        grant(sp, resource, UUID.randomUUID(), NOW);

        assertThat(apps().deleteServicePrincipal(fabrikam.id(), sp.id())).isFalse();
        assertThat(apps().deleteServicePrincipal(contoso.id(), sp.id())).isTrue();
        assertThat(apps().deleteServicePrincipal(contoso.id(), sp.id())).isFalse();
        assertThat(apps().findServicePrincipal(contoso.id(), sp.id())).isEmpty();
        assertThat(apps().assignmentsOf(contoso.id(), sp.id())).isEmpty();
        assertThat(apps().findById(contoso.id(), app.id())).isPresent();
    }

    @Test
    @DisplayName("issue 12: users and service principals own applications and service principals, each once")
    void ownersAreAddedOnceListedByIdAndRemoved() {
        Application app = app(contoso, "Payroll");
        ServicePrincipal sp = servicePrincipal(contoso, app);
        ServicePrincipal robot = servicePrincipal(contoso, app(contoso, "Robot"));
        User alice = user(contoso, "alice");
        OwnerRef aliceRef = new OwnerRef(alice.objectId(), OwnerRef.Kind.USER);
        OwnerRef robotRef = new OwnerRef(robot.id(), OwnerRef.Kind.SERVICE_PRINCIPAL);

        boolean first = apps().addOwner(contoso.id(), AppObjectKind.APPLICATION, app.id(), aliceRef, NOW);
        boolean again = apps().addOwner(contoso.id(), AppObjectKind.APPLICATION, app.id(), aliceRef, NOW);
        apps().addOwner(contoso.id(), AppObjectKind.APPLICATION, app.id(), robotRef, NOW);
        apps().addOwner(contoso.id(), AppObjectKind.SERVICE_PRINCIPAL, sp.id(), aliceRef, NOW);

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(apps().owners(contoso.id(), AppObjectKind.APPLICATION, app.id()))
                .containsExactlyElementsOf(java.util.stream.Stream.of(aliceRef, robotRef)
                        .sorted(java.util.Comparator.comparing(o -> o.id().toString()))
                        .toList());
        assertThat(apps().owners(fabrikam.id(), AppObjectKind.APPLICATION, app.id()))
                .isEmpty();
        assertThat(apps().applicationsOwnedBy(contoso.id(), alice.objectId()))
                .extracting(Application::id)
                .containsExactly(app.id());
        assertThat(apps().applicationsOwnedBy(fabrikam.id(), alice.objectId())).isEmpty();
        assertThat(apps().servicePrincipalsOwnedBy(contoso.id(), alice.objectId()))
                .containsExactly(sp);
        assertThat(apps().removeOwner(contoso.id(), AppObjectKind.APPLICATION, app.id(), alice.objectId()))
                .isTrue();
        assertThat(apps().removeOwner(contoso.id(), AppObjectKind.APPLICATION, app.id(), alice.objectId()))
                .isFalse();
        assertThat(apps().owners(contoso.id(), AppObjectKind.APPLICATION, app.id()))
                .containsExactly(robotRef);
    }

    @Test
    @DisplayName("issue 12: deleting an owning service principal or an owned application drops the ownership")
    void ownershipGoesWithTheObjects() {
        Application app = app(contoso, "Payroll");
        ServicePrincipal robot = servicePrincipal(contoso, app(contoso, "Robot"));
        User alice = user(contoso, "alice");
        apps().addOwner(
                        contoso.id(),
                        AppObjectKind.APPLICATION,
                        app.id(),
                        new OwnerRef(robot.id(), OwnerRef.Kind.SERVICE_PRINCIPAL),
                        NOW);
        apps().addOwner(
                        contoso.id(),
                        AppObjectKind.APPLICATION,
                        app.id(),
                        new OwnerRef(alice.objectId(), OwnerRef.Kind.USER),
                        NOW);

        apps().deleteServicePrincipal(contoso.id(), robot.id());

        assertThat(apps().owners(contoso.id(), AppObjectKind.APPLICATION, app.id()))
                .extracting(OwnerRef::id)
                .containsExactly(alice.objectId());
        apps().delete(contoso.id(), app.id());
        assertThat(apps().applicationsOwnedBy(contoso.id(), alice.objectId())).isEmpty();
    }

    @Test
    @DisplayName("issue 11: an application's redirect URIs are stored per platform, in order, and replaced whole")
    void redirectUrisPerPlatform() {
        Application app = app(contoso, "Web");
        assertThat(apps().redirectUris(app.id())).isEqualTo(RedirectUris.NONE);

        RedirectUris uris = new RedirectUris(
                List.of("https://b.example/cb", "https://a.example/cb"),
                List.of("https://spa.example/"),
                List.of("http://localhost"));
        apps().replaceRedirectUris(app.id(), uris);
        assertThat(apps().redirectUris(app.id())).isEqualTo(uris);

        RedirectUris fewer = new RedirectUris(List.of("https://a.example/cb"), List.of(), List.of());
        apps().replaceRedirectUris(app.id(), fewer);
        assertThat(apps().redirectUris(app.id())).isEqualTo(fewer);
        assertThat(apps().redirectUris(UUID.randomUUID())).isEqualTo(RedirectUris.NONE);
    }

    @Test
    @DisplayName("issue 11: an application's front-channel logout URL is stored, replaced and removed")
    void logoutUrl() {
        Application app = app(contoso, "Web");
        assertThat(apps().findLogoutUrl(app.id())).isEmpty();

        apps().replaceLogoutUrl(app.id(), "https://app.example/logout");
        assertThat(apps().findLogoutUrl(app.id())).contains("https://app.example/logout");
        apps().replaceLogoutUrl(app.id(), "https://app.example/signout");
        assertThat(apps().findLogoutUrl(app.id())).contains("https://app.example/signout");
        apps().replaceLogoutUrl(app.id(), null);
        assertThat(apps().findLogoutUrl(app.id())).isEmpty();
        assertThat(apps().findLogoutUrl(UUID.randomUUID())).isEmpty();
    }

    @Test
    @DisplayName(
            "issue 11: delegated permission grants are listed per directory in creation order, updated and deleted")
    void permissionGrants() {
        Application client = app(contoso, "Client");
        Application resource = app(contoso, "Resource");
        ServicePrincipal clientSp = servicePrincipal(contoso, client);
        ServicePrincipal resourceSp = servicePrincipal(contoso, resource);
        UUID user = UUID.randomUUID();
        PermissionGrant later = new PermissionGrant(
                UUID.randomUUID(),
                contoso.id(),
                clientSp.id(),
                PermissionGrant.PRINCIPAL,
                user,
                resourceSp.id(),
                "User.Read",
                NOW.plusSeconds(1));
        PermissionGrant first = new PermissionGrant(
                UUID.randomUUID(),
                contoso.id(),
                clientSp.id(),
                PermissionGrant.ALL_PRINCIPALS,
                null,
                resourceSp.id(),
                "Group.Read.All",
                NOW);
        apps().insertPermissionGrant(later);
        apps().insertPermissionGrant(first);

        assertThat(apps().permissionGrants(contoso.id())).containsExactly(first, later);
        assertThat(apps().permissionGrants(fabrikam.id())).isEmpty();

        assertThat(apps().updatePermissionGrant(later.withScope("User.Read User.ReadBasic.All")))
                .isTrue();
        assertThat(apps().permissionGrants(contoso.id()).get(1).scope()).isEqualTo("User.Read User.ReadBasic.All");
        assertThat(apps().deletePermissionGrant(fabrikam.id(), first.id())).isFalse();
        assertThat(apps().deletePermissionGrant(contoso.id(), first.id())).isTrue();
        assertThat(apps().deletePermissionGrant(contoso.id(), first.id())).isFalse();

        // a grant goes with its client's service principal
        apps().deleteServicePrincipal(contoso.id(), clientSp.id());
        assertThat(apps().permissionGrants(contoso.id())).isEmpty();
    }

    @Test
    @DisplayName("issue 11: app roles are replaced as a whole, kept in order, and go with their application")
    void appRolesInOrder() {
        Application app = app(contoso, "Orders");
        AppRole write = new AppRole(
                UUID.randomUUID(),
                List.of(AppRole.MemberType.USER, AppRole.MemberType.APPLICATION),
                "d",
                "Write",
                true,
                "Orders.Write");
        AppRole read = new AppRole(UUID.randomUUID(), List.of(AppRole.MemberType.USER), null, null, false, null);

        apps().replaceAppRoles(app.id(), List.of(write, read));
        assertThat(apps().appRoles(app.id())).containsExactly(write, read);
        apps().replaceAppRoles(app.id(), List.of(read));
        assertThat(apps().appRoles(app.id())).containsExactly(read);
        apps().delete(contoso.id(), app.id());
        assertThat(apps().appRoles(app.id())).isEmpty();
    }

    @Test
    @DisplayName("issue 11 (R14): appRoleAssignmentRequired is set per service principal, in its own directory only")
    void appRoleAssignmentRequired() {
        ServicePrincipal sp = servicePrincipal(contoso, app(contoso, "Orders"));

        assertThat(apps().appRoleAssignmentRequired(contoso.id(), sp.id())).isFalse();
        assertThat(apps().setAppRoleAssignmentRequired(fabrikam.id(), sp.id(), true))
                .isFalse();
        assertThat(apps().setAppRoleAssignmentRequired(contoso.id(), sp.id(), true))
                .isTrue();
        assertThat(apps().appRoleAssignmentRequired(contoso.id(), sp.id())).isTrue();
        assertThat(apps().appRoleAssignmentRequired(fabrikam.id(), sp.id())).isFalse();
        assertThat(apps().setAppRoleAssignmentRequired(contoso.id(), UUID.randomUUID(), true))
                .isFalse();
    }

    @Test
    @DisplayName("issue 11: a resource's assignments list users' and groups' too, oldest first; they go with it")
    void assignmentsToAResource() {
        ServicePrincipal resource = servicePrincipal(contoso, app(contoso, "Api"));
        ServicePrincipal client = servicePrincipal(contoso, app(contoso, "Client"));
        UUID userId = UUID.randomUUID();
        AppRoleAssignment toUser =
                new AppRoleAssignment(UUID.randomUUID(), contoso.id(), userId, resource.id(), UUID.randomUUID(), NOW);
        apps().insertAssignment(toUser);
        AppRoleAssignment toClient = grant(client, resource, UUID.randomUUID(), NOW.plusSeconds(1));

        assertThat(apps().assignmentsTo(contoso.id(), resource.id())).containsExactly(toUser, toClient);
        assertThat(apps().assignmentsTo(fabrikam.id(), resource.id())).isEmpty();
        assertThat(apps().assignmentsOf(contoso.id(), userId)).containsExactly(toUser);
        apps().deleteServicePrincipal(contoso.id(), client.id());
        assertThat(apps().assignmentsTo(contoso.id(), resource.id())).containsExactly(toUser);
        apps().deleteServicePrincipal(contoso.id(), resource.id());
        assertThat(apps().assignmentsOf(contoso.id(), userId)).isEmpty();
    }

    @Test
    @DisplayName(
            "issue 11: requiredResourceAccess is replaced as a whole, per resource in order, and goes with the app")
    void requiredResourceAccessInOrder() {
        Application app = app(contoso, "Client");
        UUID graph = UUID.fromString("00000003-0000-0000-c000-000000000000");
        UUID api = UUID.randomUUID();
        List<RequiredResourceAccess> access = List.of(
                new RequiredResourceAccess(
                        graph,
                        List.of(
                                new RequiredResourceAccess.Access(UUID.randomUUID(), RequiredResourceAccess.Type.Scope),
                                new RequiredResourceAccess.Access(
                                        UUID.randomUUID(), RequiredResourceAccess.Type.Role))),
                new RequiredResourceAccess(api, List.of()));

        apps().replaceRequiredResourceAccess(app.id(), access);
        assertThat(apps().requiredResourceAccess(app.id())).isEqualTo(access);
        apps().replaceRequiredResourceAccess(app.id(), List.of(access.get(1)));
        assertThat(apps().requiredResourceAccess(app.id())).containsExactly(access.get(1));
        apps().delete(contoso.id(), app.id());
        assertThat(apps().requiredResourceAccess(app.id())).isEmpty();
    }

    @Test
    @DisplayName("issue 11: an exposed API is stored in order, replaced whole, found by identifier URI in its directory"
            + " only (R14), and an identifier URI is unique in a directory")
    void exposedApis() {
        Application api = app(contoso, "API");
        assertThat(apps().findApi(api.id())).isEqualTo(ExposedApi.NONE);
        PermissionScope read =
                new PermissionScope(UUID.randomUUID(), "read", "User", "Read", "Reads things", null, null, true);
        PermissionScope write = new PermissionScope(UUID.randomUUID(), "write", "Admin", null, null, null, null, false);
        ExposedApi exposed = new ExposedApi(List.of("api://b/" + api.appId(), "API://A"), List.of(write, read), 2);
        apps().replaceApi(contoso.id(), api.id(), exposed);

        assertThat(apps().findApi(api.id())).isEqualTo(exposed);
        assertThat(apps().findByIdentifierUri(contoso.id(), "api://a"))
                .map(Application::id)
                .contains(api.id());
        assertThat(apps().findByIdentifierUri(fabrikam.id(), "api://a")).isEmpty();

        Application other = app(contoso, "Other");
        assertThatThrownBy(() -> apps().replaceApi(contoso.id(), other.id(), exposed.withScopes(List.of())))
                .isInstanceOf(ConflictException.class);
        Application elsewhere = app(fabrikam, "Elsewhere");
        apps().replaceApi(fabrikam.id(), elsewhere.id(), new ExposedApi(List.of("api://a"), List.of(), null));

        ExposedApi fewer = new ExposedApi(List.of(), List.of(read), null);
        apps().replaceApi(contoso.id(), api.id(), fewer);
        assertThat(apps().findApi(api.id())).isEqualTo(fewer);
        assertThat(apps().findByIdentifierUri(contoso.id(), "api://a")).isEmpty();
        apps().delete(contoso.id(), api.id());
        assertThat(apps().findApi(api.id())).isEqualTo(ExposedApi.NONE);
    }
}
