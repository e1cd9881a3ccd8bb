package dev.tenantry.directory.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenantry.directory.DirectoryAccess;
import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.GraphPermission;
import dev.tenantry.directory.User;
import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.PageRequest;
import dev.tenantry.shared.RuleViolationException;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.Transactions;
import dev.tenantry.shared.UserId;
import dev.tenantry.testing.InMemoryApplicationRepository;
import dev.tenantry.testing.InMemoryDirectoryRoleRepository;
import dev.tenantry.testing.InMemoryGroupRepository;
import dev.tenantry.testing.InMemoryUserRepository;
import dev.tenantry.testing.RepositoryContract;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ApplicationServiceTest {

    static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    static final Transactions DIRECT = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };

    final InMemoryDirectoryRoleRepository roles = new InMemoryDirectoryRoleRepository();
    final InMemoryApplicationRepository repository = new InMemoryApplicationRepository();
    final InMemoryUserRepository users = new InMemoryUserRepository();
    final TenantId contoso = TenantId.next();
    final TenantId fabrikam = TenantId.next();
    final Caller.User admin = user(contoso, DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR);
    final Caller.User appAdmin = user(contoso, DirectoryRoleTemplate.APPLICATION_ADMINISTRATOR);
    final Caller.User member = user(contoso, null);
    final Caller.User otherAdmin = user(fabrikam, DirectoryRoleTemplate.GLOBAL_ADMINISTRATOR);
    ApplicationService service = serviceAt(NOW);

    @BeforeEach
    void provision() {
        service.provisionTenant(contoso);
        service.provisionTenant(fabrikam);
    }

    ApplicationService serviceAt(Instant instant) {
        return new ApplicationService(
                repository,
                users,
                new InMemoryGroupRepository(users::findById, id -> {}),
                new DirectoryAccess(roles),
                DIRECT,
                Clock.fixed(instant, ZoneOffset.UTC));
    }

    Caller.User user(TenantId tenantId, DirectoryRoleTemplate role) {
        UserId id = UserId.next();
        if (role != null) {
            roles.addMember(roles.activate(tenantId, role), id);
        }
        return new Caller.User(tenantId, id);
    }

    ServicePrincipal graph(TenantId tenantId) {
        return service.findServicePrincipalByAppId(tenantId, ApplicationService.MICROSOFT_GRAPH_APP_ID)
                .orElseThrow();
    }

    @Test
    void provisioningGivesEveryTenantItsOwnGraphServicePrincipal() {
        assertThat(graph(contoso).displayName()).isEqualTo("Microsoft Graph");
        assertThat(graph(contoso).id()).isNotEqualTo(graph(fabrikam).id());
    }

    @Test
    void applicationAdministratorCreatesAppsAndMemberCannot() {
        Application app = service.createApplication(appAdmin, contoso, "Reporting");

        assertThat(service.listApplications(member, contoso))
                .extracting(Application::id)
                .containsExactly(app.id());
        assertThatThrownBy(() -> service.createApplication(member, contoso, "Mine"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("Application Administrator");
    }

    @Test
    void secretIsShownOnceStoredHashedAndExpiresInTwoYears() {
        Application app = service.createApplication(admin, contoso, "Reporting");

        CreatedSecret secret = service.addPassword(admin, contoso, app.id(), "ci", null);

        assertThat(secret.secretText()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(secret.credential().hint()).isEqualTo(secret.secretText().substring(0, 3));
        assertThat(secret.credential().endDateTime()).isEqualTo(NOW.plus(Duration.ofDays(730)));
        assertThat(repository.secrets(app.id()).get(0).secretHash()).hasSize(64).doesNotContain(secret.secretText());
        assertThat(service.getApplication(member, contoso, app.id()).passwordCredentials())
                .containsExactly(secret.credential());
    }

    @Test
    @DisplayName("issue 9: groupMembershipClaims is set at creation and by an update, and unset until then")
    void groupMembershipClaimsIsSetAndUpdated() {
        Application plain = service.createApplication(admin, contoso, "Plain");
        Application web = service.createApplication(admin, contoso, "Web", "securitygroup");

        Application updated = service.updateApplication(appAdmin, contoso, web.id(), null, "All");
        Application renamed = service.updateApplication(appAdmin, contoso, web.id(), "Web v2", null);

        assertThat(plain.groupMembershipClaims()).isNull();
        assertThat(service.groupClaimsOf(plain.appId())).isEqualTo(GroupMembershipClaims.NONE);
        assertThat(web.groupMembershipClaims()).isEqualTo(GroupMembershipClaims.SECURITY_GROUP);
        assertThat(updated.groupMembershipClaims()).isEqualTo(GroupMembershipClaims.ALL);
        assertThat(renamed.displayName()).isEqualTo("Web v2");
        assertThat(service.getApplication(member, contoso, web.id()).groupMembershipClaims())
                .isEqualTo(GroupMembershipClaims.ALL);
        assertThat(service.groupClaimsOf(web.appId())).isEqualTo(GroupMembershipClaims.ALL);
        assertThat(service.groupClaimsOf(UUID.randomUUID())).isEqualTo(GroupMembershipClaims.NONE);
    }

    @Test
    @DisplayName(
            "issue 9: an unknown groupMembershipClaims, or ApplicationGroup, is refused naming the accepted values")
    void groupMembershipClaimsIsValidated() {
        Application web = service.createApplication(admin, contoso, "Web");

        assertThatThrownBy(() -> service.createApplication(admin, contoso, "Bad", "Everything"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_group_membership_claims");
                    assertThat(e.field()).contains("groupMembershipClaims");
                })
                .hasMessageContaining("None, SecurityGroup, DirectoryRole, All");
        assertThatThrownBy(() -> service.updateApplication(admin, contoso, web.id(), null, "ApplicationGroup"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("groups cannot be assigned to applications");
        assertThat(service.listApplications(admin, contoso))
                .extracting(Application::displayName)
                .containsExactly("Web");
        assertThat(service.getApplication(admin, contoso, web.id()).groupMembershipClaims())
                .isNull();
    }

    @Test
    @DisplayName("issue 9: a member cannot change an application, and another directory's is not found (R14)")
    void onlyApplicationManagersUpdate() {
        Application web = service.createApplication(admin, contoso, "Web");

        assertThatThrownBy(() -> service.updateApplication(member, contoso, web.id(), null, "All"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.updateApplication(otherAdmin, fabrikam, web.id(), null, "All"))
                .isInstanceOf(NotFoundException.class);
        assertThat(service.getApplication(admin, contoso, web.id()).groupMembershipClaims())
                .isNull();
    }

    @Test
    void r14AnotherTenantsApplicationIsNotFound() {
        Application app = service.createApplication(admin, contoso, "Reporting");

        assertThatThrownBy(() -> service.getApplication(otherAdmin, fabrikam, app.id()))
                .isInstanceOf(NotFoundException.class)
                .extracting(t -> ((DomainException) t).code())
                .isEqualTo("application_not_found");
        assertThatThrownBy(() -> service.getApplication(otherAdmin, contoso, app.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.createServicePrincipal(otherAdmin, fabrikam, app.appId()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void secondServicePrincipalIsAConflict() {
        Application app = service.createApplication(admin, contoso, "Reporting");
        service.createServicePrincipal(admin, contoso, app.appId());

        assertThatThrownBy(() -> service.createServicePrincipal(admin, contoso, app.appId()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void onlyGlobalAdministratorGrantsAppRoles() {
        ServicePrincipal sp = registered("Reporting").servicePrincipal;
        UUID readAll = GraphPermission.USER_READ_ALL.id();

        assertThatThrownBy(() -> service.grantAppRole(
                        appAdmin, contoso, sp.id(), graph(contoso).id(), readAll))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("Global Administrator");
        AppRoleAssignment granted =
                service.grantAppRole(admin, contoso, sp.id(), graph(contoso).id(), readAll);
        assertThat(service.appRoleAssignments(member, contoso, sp.id())).containsExactly(granted);
    }

    @Test
    void grantsOnlyGraphPermissionsOnTheTenantsGraph() {
        ServicePrincipal sp = registered("Reporting").servicePrincipal;

        assertThatThrownBy(() ->
                        service.grantAppRole(admin, contoso, sp.id(), sp.id(), GraphPermission.USER_READ_ALL.id()))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("Microsoft Graph");
        assertThatThrownBy(() -> service.grantAppRole(
                        admin, contoso, sp.id(), graph(contoso).id(), UUID.randomUUID()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("User.Read.All");
    }

    @Test
    void authenticateClientCarriesGrantedPermissions() {
        Registered app = registered("Reporting");
        service.grantAppRole(
                admin,
                contoso,
                app.servicePrincipal.id(),
                graph(contoso).id(),
                GraphPermission.DIRECTORY_READ_ALL.id());

        Caller.App caller = service.authenticateClient(contoso, app.application.appId(), app.secret.secretText());

        assertThat(caller.roles()).containsExactly("Directory.Read.All");
        assertThat(caller.servicePrincipalId()).isEqualTo(app.servicePrincipal.id());
    }

    @Test
    void authenticateClientRefusesWrongExpiredAndForeignCredentials() {
        Registered app = registered("Reporting");
        UUID appId = app.application.appId();
        String secret = app.secret.secretText();

        assertThatThrownBy(() -> service.authenticateClient(contoso, appId, secret + "x"))
                .extracting(t -> ((DomainException) t).code())
                .isEqualTo("invalid_client_secret");
        assertThatThrownBy(() -> serviceAt(NOW.plus(Duration.ofDays(731))).authenticateClient(contoso, appId, secret))
                .extracting(t -> ((DomainException) t).code())
                .isEqualTo("invalid_client_secret");
        assertThatThrownBy(() -> service.authenticateClient(fabrikam, appId, secret))
                .isInstanceOf(AuthenticationException.class)
                .extracting(t -> ((DomainException) t).code())
                .isEqualTo("invalid_client");
    }

    @Test
    void appWithApplicationReadWriteAllManagesApplications() {
        Caller.App app =
                new Caller.App(contoso, UUID.randomUUID(), UUID.randomUUID(), Set.of("Application.ReadWrite.All"));
        Caller.App reader = new Caller.App(contoso, UUID.randomUUID(), UUID.randomUUID(), Set.of("User.Read.All"));

        service.createApplication(app, contoso, "Automated");

        assertThatThrownBy(() -> service.listApplications(reader, contoso)).isInstanceOf(AccessDeniedException.class);
    }

    User stored(Caller.User caller, TenantId tenantId) {
        UUID id = caller.userId().value();
        User user = RepositoryContract.member(tenantId, id, id + "@x.test", "u" + id, "User " + id);
        users.insert(user, "hash");
        return user;
    }

    @Test
    @DisplayName("issue 12: the registering user owns the app; an owner manages it without a directory role")
    void ownersManageTheirApplicationsWithoutARole() {
        stored(admin, contoso);
        User ordinary = stored(member, contoso);
        ApplicationOwnerService owners = service.owners();
        Application app = service.createApplication(admin, contoso, "Owned");

        assertThatThrownBy(() -> service.updateApplication(member, contoso, app.id(), "Not mine", null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> owners.addOwner(
                        member,
                        contoso,
                        AppObjectKind.APPLICATION,
                        app.id(),
                        ordinary.id().toString()))
                .isInstanceOf(AccessDeniedException.class);
        owners.addOwner(
                admin,
                contoso,
                AppObjectKind.APPLICATION,
                app.id(),
                ordinary.id().toString());
        service.updateApplication(member, contoso, app.id(), "Mine now", null);
        CreatedSecret secret = service.addPassword(member, contoso, app.id(), "rolled", null);
        service.removePassword(member, contoso, app.id(), secret.credential().keyId());

        assertThat(owners.owners(member, contoso, AppObjectKind.APPLICATION, app.id()))
                .extracting(Owner::id)
                .containsExactlyInAnyOrder(
                        admin.userId().value(), member.userId().value());
        assertThat(service.getApplication(member, contoso, app.id()).displayName())
                .isEqualTo("Mine now");
        assertThatThrownBy(() -> owners.addOwner(
                        admin,
                        contoso,
                        AppObjectKind.APPLICATION,
                        app.id(),
                        ordinary.id().toString()))
                .isInstanceOf(InvalidRequestException.class);
        service.deleteApplication(member, contoso, app.id());
        assertThat(service.listApplications(admin, contoso)).isEmpty();
    }

    @Test
    @DisplayName("R14: another directory can neither see nor change owners, nor be made an owner")
    void r14OwnersStayInTheirDirectory() {
        stored(admin, contoso);
        User foreign = stored(otherAdmin, fabrikam);
        Application app = service.createApplication(admin, contoso, "Private");
        ApplicationOwnerService owners = service.owners();

        assertThatThrownBy(() -> owners.owners(otherAdmin, fabrikam, AppObjectKind.APPLICATION, app.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> owners.owners(otherAdmin, contoso, AppObjectKind.APPLICATION, app.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> owners.addOwner(
                        admin,
                        contoso,
                        AppObjectKind.APPLICATION,
                        app.id(),
                        foreign.id().toString()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() ->
                        owners.ownedObjects(otherAdmin, fabrikam, admin.userId().toString(), PageRequest.first(10)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("issue 12: ownedObjects pages by id over the applications and service principals a user owns")
    void ownedObjectsArePagedById() {
        stored(admin, contoso);
        Registered first = registered("First");
        Application second = service.createApplication(admin, contoso, "Second");
        service.owners()
                .addOwner(
                        admin,
                        contoso,
                        AppObjectKind.SERVICE_PRINCIPAL,
                        first.servicePrincipal().id(),
                        admin.userId().toString());

        Page<OwnedObject> page =
                service.owners().ownedObjects(admin, contoso, admin.userId().toString(), PageRequest.first(2));
        Page<OwnedObject> rest = service.owners()
                .ownedObjects(admin, contoso, admin.userId().toString(), new PageRequest(page.nextAfter(), 2));

        List<UUID> all = java.util.stream.Stream.of(
                        first.application().id(),
                        second.id(),
                        first.servicePrincipal().id())
                .sorted(java.util.Comparator.comparing(UUID::toString))
                .toList();
        assertThat(page.items()).extracting(OwnedObject::id).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(rest.items()).extracting(OwnedObject::id).containsExactly(all.get(2));
        assertThat(rest.hasNext()).isFalse();
    }

    record Registered(Application application, CreatedSecret secret, ServicePrincipal servicePrincipal) {}

    Registered registered(String name) {
        Application app = service.createApplication(admin, contoso, name);
        CreatedSecret secret = service.addPassword(admin, contoso, app.id(), "ci", null);
        return new Registered(app, secret, service.createServicePrincipal(admin, contoso, app.appId()));
    }
}
