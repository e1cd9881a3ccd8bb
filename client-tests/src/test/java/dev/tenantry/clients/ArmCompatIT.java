package dev.tenantry.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.azure.core.credential.TokenCredential;
import com.azure.core.management.Region;
import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.authorization.AuthorizationManager;
import com.azure.resourcemanager.authorization.fluent.models.ClassicAdministratorInner;
import com.azure.resourcemanager.authorization.models.RoleAssignment;
import com.azure.resourcemanager.authorization.models.RoleDefinition;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.models.ResourceGroup;
import com.azure.resourcemanager.resources.models.Subscription;
import com.azure.resourcemanager.resources.models.Tenant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ARM SDKs (resources, authorization) against the packaged server, as the account administrator and as an SP. */
class ArmCompatIT {

    private static final String OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";

    private static TenantryProcess server;
    private static ServerApi api;
    private static Clients clients;
    private static TestDirectory directory;
    private static Optional<AppRegistration> readerApp;

    @BeforeAll
    static void signUp() {
        server = TenantryProcess.get();
        api = new ServerApi(server);
        clients = new Clients(server);
        directory = TestDirectory.signUp(api, "arm");
        readerApp = AppRegistration.tryCreate(api, directory, "compat-arm-reader");
        readerApp.ifPresent(app -> app.assignReader(api, directory));
    }

    @BeforeEach
    void needsPort443() {
        CompatReport.assumePort443("the ARM SDK (azure-identity underneath)");
    }

    private static TokenCredential owner() {
        return clients.userPassword(directory.tenantId(), directory.adminUpn(), TestDirectory.PASSWORD);
    }

    private static TokenCredential readerServicePrincipal() {
        Assumptions.assumeTrue(readerApp.isPresent(), "skipped: " + AppRegistration.UNAVAILABLE);
        AppRegistration app = readerApp.orElseThrow();
        return clients.clientSecret(directory.tenantId(), app.appId(), app.secret());
    }

    @Test
    void ownerListsTheSubscription() {
        ResourceManager.Authenticated arm = clients.resourceManager(owner(), directory);

        List<Subscription> subscriptions = arm.subscriptions().list().stream().toList();

        assertThat(subscriptions).extracting(Subscription::subscriptionId).contains(directory.subscriptionId());
    }

    @Test
    void ownerGetsTheSubscriptionById() {
        ResourceManager.Authenticated arm = clients.resourceManager(owner(), directory);

        Subscription subscription = arm.subscriptions().getById(directory.subscriptionId());

        assertThat(subscription.subscriptionId()).isEqualTo(directory.subscriptionId());
        assertThat(subscription.displayName()).isNotBlank();
    }

    @Test
    void ownerListsTheDirectoryAsATenant() {
        ResourceManager.Authenticated arm = clients.resourceManager(owner(), directory);

        List<Tenant> tenants = arm.tenants().list().stream().toList();

        assertThat(tenants).extracting(Tenant::tenantId).contains(directory.tenantId());
    }

    @Test
    void ownerCreatesListsAndDeletesAResourceGroup() {
        ResourceManager arm = clients.resourceManager(owner(), directory).withSubscription(directory.subscriptionId());

        ResourceGroup created = arm.resourceGroups()
                .define("compat-rg")
                .withRegion(Region.EUROPE_WEST)
                .create();
        List<String> listed =
                arm.resourceGroups().list().stream().map(ResourceGroup::name).toList();
        arm.resourceGroups().deleteByName("compat-rg");

        assertThat(created.name()).isEqualTo("compat-rg");
        assertThat(created.regionName()).isEqualTo("westeurope");
        assertThat(listed).contains("compat-rg");
        assertThat(arm.resourceGroups().contain("compat-rg")).isFalse();
    }

    @Test
    void ownerRoleIsFoundByName() {
        AuthorizationManager authorization = clients.authorizationManager(owner(), directory);

        RoleDefinition role =
                authorization.roleDefinitions().getByScopeAndRoleName(directory.subscriptionScope(), "Owner");

        assertThat(role.name()).isEqualTo(OWNER);
        assertThat(role.id()).endsWith("/roleDefinitions/" + OWNER);
        assertThat(role.roleName()).isEqualTo("Owner");
    }

    @Test
    void roleAssignmentsAtSubscriptionScopeIncludeTheAccountAdministratorAsOwner() {
        AuthorizationManager authorization = clients.authorizationManager(owner(), directory);

        List<RoleAssignment> assignments =
                authorization.roleAssignments().listByScope(directory.subscriptionScope()).stream()
                        .toList();

        assertThat(assignments).anySatisfy(a -> assertThat(a.roleDefinitionId()).endsWith("/roleDefinitions/" + OWNER));
        readerApp.ifPresent(app -> assertThat(assignments)
                .anySatisfy(a -> assertThat(a.principalId()).isEqualTo(app.servicePrincipalId())));
    }

    @Test
    void classicAdministratorsNameTheAccountAdministrator() {
        AuthorizationManager authorization = clients.authorizationManager(owner(), directory);

        List<ClassicAdministratorInner> administrators =
                authorization.roleServiceClient().getClassicAdministrators().list().stream()
                        .toList();

        assertThat(administrators).singleElement().satisfies(admin -> {
            assertThat(admin.role()).isEqualTo("ServiceAdministrator;AccountAdministrator");
            assertThat(admin.emailAddress()).isEqualToIgnoringCase(directory.adminUpn());
            assertThat(admin.type()).isEqualTo("Microsoft.Authorization/classicAdministrators");
            assertThat(admin.id())
                    .isEqualTo(directory.subscriptionScope()
                            + "/providers/Microsoft.Authorization/classicAdministrators/" + admin.name());
        });
    }

    @Test
    void readerServicePrincipalListsTheSubscription() {
        ResourceManager.Authenticated arm = clients.resourceManager(readerServicePrincipal(), directory);

        List<Subscription> subscriptions = arm.subscriptions().list().stream().toList();

        assertThat(subscriptions).extracting(Subscription::subscriptionId).containsExactly(directory.subscriptionId());
    }

    @Test
    void readerServicePrincipalListsResourceGroups() {
        ResourceManager arm = clients.resourceManager(readerServicePrincipal(), directory)
                .withSubscription(directory.subscriptionId());

        List<ResourceGroup> groups = arm.resourceGroups().list().stream().toList();

        assertThat(groups).isNotNull();
    }

    @Test
    void readerServicePrincipalCannotCreateAResourceGroup() {
        ResourceManager arm = clients.resourceManager(readerServicePrincipal(), directory)
                .withSubscription(directory.subscriptionId());

        ManagementException refused = catchThrowableOfType(ManagementException.class, () -> arm.resourceGroups()
                .define("reader-rg")
                .withRegion(Region.EUROPE_WEST)
                .create());

        assertThat(refused.getResponse().getStatusCode()).isEqualTo(403);
        assertThat(refused.getValue().getCode()).isEqualTo("AuthorizationFailed");
    }
}
