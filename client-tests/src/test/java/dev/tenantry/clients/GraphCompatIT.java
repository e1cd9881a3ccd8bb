package dev.tenantry.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.DirectoryRole;
import com.microsoft.graph.models.FederatedIdentityCredential;
import com.microsoft.graph.models.Organization;
import com.microsoft.graph.models.PasswordProfile;
import com.microsoft.graph.models.SubscribedSku;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Microsoft Graph SDK (Kiota) against the packaged server, signed in as the directory's Global Administrator. */
class GraphCompatIT {

    private static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
    private static final int PAGERS = 5;

    private static Clients clients;
    private static TestDirectory directory;
    private static GraphServiceClient graph;

    @BeforeAll
    static void signUpWithUsersAndASuite() {
        TenantryProcess server = TenantryProcess.get();
        ServerApi api = new ServerApi(server);
        clients = new Clients(server);
        directory = TestDirectory.signUp(api, "graph");
        String admin =
                api.passwordToken(directory.tenantId(), directory.adminUpn(), TestDirectory.PASSWORD, Clients.GRAPH);
        for (int i = 1; i <= PAGERS; i++) {
            api.postJson("/v1.0/users", """
                            {"accountEnabled":true,"displayName":"Compat Pager %d","mailNickname":"pager%d",
                             "userPrincipalName":"pager%d@%s",
                             "passwordProfile":{"forceChangePasswordNextSignIn":false,"password":"%s"}}""".formatted(i, i, i, directory.domain(), TestDirectory.PASSWORD), admin)
                    .requireStatus(201);
        }
        String management = api.passwordToken(
                directory.tenantId(), directory.adminUpn(), TestDirectory.PASSWORD, Clients.MANAGEMENT);
        api.postJson(
                        "/api/subscriptions/suite",
                        "{\"skuPartNumber\":\"ENTERPRISEPACK\",\"seats\":5,\"trial\":true}",
                        management)
                .requireStatus(201);
        graph = clients.graph(clients.userPassword(directory.tenantId(), directory.adminUpn(), TestDirectory.PASSWORD));
    }

    @BeforeEach
    void needsPort443() {
        CompatReport.assumePort443("the Graph SDK (azure-identity underneath)");
    }

    @Test
    void pageIteratorFollowsNextLinksOverEveryUser() throws ReflectiveOperationException {
        UserCollectionResponse first = graph.users().get(rc -> {
            rc.queryParameters.top = 2;
            rc.queryParameters.select = new String[] {"id", "displayName", "userPrincipalName"};
        });
        List<User> all = new ArrayList<>();

        new PageIterator.Builder<User, UserCollectionResponse>()
                .client(graph)
                .collectionPage(first)
                .collectionPageFactory(UserCollectionResponse::createFromDiscriminatorValue)
                .processPageItemCallback(user -> all.add(user))
                .build()
                .iterate();

        assertThat(first.getValue()).hasSize(2);
        assertThat(first.getOdataNextLink()).startsWith(server().baseUrl() + "/v1.0/users");
        assertThat(all).hasSize(PAGERS + 1).allSatisfy(user -> assertThat(user.getUserPrincipalName())
                .endsWith("@" + directory.domain()));
        assertThat(all).extracting(User::getId).doesNotHaveDuplicates();
    }

    @Test
    void filterStartswithFindsTheMatchingUsers() {
        UserCollectionResponse found =
                graph.users().get(rc -> rc.queryParameters.filter = "startswith(displayName,'Compat Pager')");

        assertThat(found.getValue()).hasSize(PAGERS).allSatisfy(user -> assertThat(user.getDisplayName())
                .startsWith("Compat Pager"));
    }

    @Test
    void filterEqFindsOneUserByPrincipalName() {
        String upn = "pager3@" + directory.domain();

        UserCollectionResponse found =
                graph.users().get(rc -> rc.queryParameters.filter = "userPrincipalName eq '" + upn + "'");

        assertThat(found.getValue()).singleElement().satisfies(user -> assertThat(user.getDisplayName())
                .isEqualTo("Compat Pager 3"));
    }

    @Test
    void userIsFoundByIdAndByPrincipalName() {
        User byUpn = graph.users().byUserId(directory.adminUpn()).get();

        User byId = graph.users().byUserId(byUpn.getId()).get();

        assertThat(byUpn.getId()).isEqualTo(directory.adminObjectId());
        assertThat(byId.getUserPrincipalName()).isEqualTo(directory.adminUpn());
        assertThat(byId.getDisplayName()).isEqualTo(TestDirectory.ADMIN_NAME);
    }

    @Test
    void createdUserCanBeDeleted() {
        User user = new User();
        user.setAccountEnabled(true);
        user.setDisplayName("Compat Temp");
        user.setMailNickname("temp");
        user.setUserPrincipalName("temp@" + directory.domain());
        PasswordProfile password = new PasswordProfile();
        password.setForceChangePasswordNextSignIn(false);
        password.setPassword(TestDirectory.PASSWORD);
        user.setPasswordProfile(password);

        User created = graph.users().post(user);
        graph.users().byUserId(created.getId()).delete();

        assertThat(created.getId()).isNotBlank();
        assertThat(created.getUserPrincipalName()).isEqualTo("temp@" + directory.domain());
        ODataError gone = catchThrowableOfType(
                ODataError.class, () -> graph.users().byUserId(created.getId()).get());
        assertThat(gone.getResponseStatusCode()).isEqualTo(404);
    }

    @Test
    void meIsTheSignedInUser() {
        User me = graph.me().get();

        assertThat(me.getId()).isEqualTo(directory.adminObjectId());
        assertThat(me.getUserPrincipalName()).isEqualTo(directory.adminUpn());
    }

    @Test
    void organizationIsTheDirectory() {
        List<Organization> organizations = graph.organization().get().getValue();

        assertThat(organizations).singleElement().satisfies(org -> {
            assertThat(org.getId()).isEqualTo(directory.tenantId());
            assertThat(org.getVerifiedDomains())
                    .anySatisfy(d -> assertThat(d.getName()).isEqualTo(directory.domain()));
        });
    }

    @Test
    void globalAdministratorRoleHasTheAdministratorAsAUserMember() {
        List<DirectoryRole> roles = graph.directoryRoles().get().getValue();
        DirectoryRole global = roles.stream()
                .filter(role -> GLOBAL_ADMINISTRATOR.equals(role.getRoleTemplateId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Global Administrator in " + roles.size() + " roles"));

        List<DirectoryObject> members = graph.directoryRoles()
                .byDirectoryRoleId(global.getId())
                .members()
                .get()
                .getValue();

        assertThat(global.getDisplayName()).isEqualTo("Global Administrator");
        assertThat(members).anySatisfy(member -> {
            assertThat(member).isInstanceOf(User.class);
            assertThat(member.getId()).isEqualTo(directory.adminObjectId());
        });
    }

    @Test
    void subscribedSkusListTheSuiteWithItsSeats() {
        List<SubscribedSku> skus = graph.subscribedSkus().get().getValue();

        assertThat(skus).anySatisfy(sku -> {
            assertThat(sku.getSkuPartNumber()).isEqualTo("ENTERPRISEPACK");
            assertThat(sku.getId()).startsWith(directory.tenantId() + "_");
            assertThat(sku.getPrepaidUnits().getEnabled()).isEqualTo(5);
        });
    }

    @Test
    void unknownUserIsAnODataErrorWith404() {
        String missing = UUID.randomUUID().toString();

        ODataError error = catchThrowableOfType(
                ODataError.class, () -> graph.users().byUserId(missing).get());

        assertThat(error.getResponseStatusCode()).isEqualTo(404);
        assertThat(error.getError().getCode()).isEqualTo("Request_ResourceNotFound");
    }

    private static TenantryProcess server() {
        return TenantryProcess.get();
    }

    @Test
    void federatedCredentialIsUpsertedReadAndFilteredByName() {
        Application created = new Application();
        created.setDisplayName("Compat Deployer");
        String app = graph.applications().post(created).getId();
        FederatedIdentityCredential wanted = new FederatedIdentityCredential();
        wanted.setIssuer("https://token.actions.githubusercontent.com");
        wanted.setSubject("repo:contoso/app:ref:refs/heads/main");
        wanted.setAudiences(List.of("api://AzureADTokenExchange"));
        var byName = graph.applications().byApplicationId(app).federatedIdentityCredentialsWithName("main-branch");

        FederatedIdentityCredential upserted =
                byName.patch(wanted, rc -> rc.headers.add("Prefer", "create-if-missing"));
        wanted.setDescription("CI");
        byName.patch(wanted, rc -> rc.headers.add("Prefer", "create-if-missing"));

        assertThat(upserted.getName()).isEqualTo("main-branch");
        assertThat(byName.get().getDescription()).isEqualTo("CI");
        assertThat(graph.applications()
                        .byApplicationId(app)
                        .federatedIdentityCredentials()
                        .get(rc -> rc.queryParameters.filter = "subject eq 'repo:contoso/app:ref:refs/heads/main'")
                        .getValue())
                .extracting(FederatedIdentityCredential::getId)
                .containsExactly(upserted.getId());
    }
}
