package dev.tenantry.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.applications.item.addpassword.AddPasswordPostRequestBody;
import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.PasswordCredential;
import com.microsoft.graph.models.ReferenceCreate;
import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the Microsoft Graph SDK (Kiota) reads and changes the owners of applications and service principals, and
 * lists what a user owns ({@code ownedObjects}) as typed objects, against the packaged server.
 */
class GraphOwnersCompatIT {

    private static final String OBJECTS = "https://graph.microsoft.com/v1.0/directoryObjects/";

    private static TestDirectory directory;
    private static GraphServiceClient admin;
    private static GraphServiceClient alice;
    private static String aliceId;

    @BeforeAll
    static void directoryWithAnOrdinaryUser() {
        TenantryProcess server = TenantryProcess.get();
        ServerApi api = new ServerApi(server);
        directory = TestDirectory.signUp(api, "graphowners");
        String token =
                api.passwordToken(directory.tenantId(), directory.adminUpn(), TestDirectory.PASSWORD, Clients.GRAPH);
        String aliceUpn = "alice@" + directory.domain();
        aliceId = api.postJson("/v1.0/users", """
                        {"accountEnabled":true,"displayName":"Alice Owner","mailNickname":"alice",
                         "userPrincipalName":"%s",
                         "passwordProfile":{"forceChangePasswordNextSignIn":false,"password":"%s"}}""".formatted(aliceUpn, TestDirectory.PASSWORD), token)
                .requireStatus(201)
                .body()
                .get("id")
                .asText();
        Clients clients = new Clients(server);
        admin = clients.graph(clients.userPassword(directory.tenantId(), directory.adminUpn(), TestDirectory.PASSWORD));
        alice = clients.graph(clients.userPassword(directory.tenantId(), aliceUpn, TestDirectory.PASSWORD));
    }

    @BeforeEach
    void needsPort443() {
        CompatReport.assumePort443("the Graph SDK (azure-identity underneath)");
    }

    @Test
    @DisplayName("issue 12: the SDK lists an application's owners (its creator), adds one with $ref, who then renames"
            + " the app and adds a secret without a directory role, and removes it again")
    void applicationOwnersAreManagedThroughTheSdk() {
        Application app = admin.applications().post(application("Owned by the SDK"));

        List<DirectoryObject> creators =
                admin.applications().byApplicationId(app.getId()).owners().get().getValue();
        admin.applications().byApplicationId(app.getId()).owners().ref().post(reference(aliceId));
        alice.applications().byApplicationId(app.getId()).patch(application("Renamed by its owner"));
        PasswordCredential secret = alice.applications()
                .byApplicationId(app.getId())
                .addPassword()
                .post(passwordBody("rolled by the owner"));
        List<DirectoryObject> owners =
                admin.applications().byApplicationId(app.getId()).owners().get().getValue();
        admin.applications()
                .byApplicationId(app.getId())
                .owners()
                .byDirectoryObjectId(aliceId)
                .ref()
                .delete();

        assertThat(creators).singleElement().isInstanceOf(User.class);
        assertThat(owners).extracting(DirectoryObject::getId).contains(aliceId);
        assertThat(owners).allMatch(User.class::isInstance);
        assertThat(secret.getSecretText()).isNotBlank();
        assertThat(admin.applications().byApplicationId(app.getId()).get().getDisplayName())
                .isEqualTo("Renamed by its owner");
        assertThat(admin.applications()
                        .byApplicationId(app.getId())
                        .owners()
                        .get()
                        .getValue())
                .extracting(DirectoryObject::getId)
                .doesNotContain(aliceId);
    }

    @Test
    @DisplayName("issue 12: /me/ownedObjects and /users/{id}/ownedObjects come back as Application and"
            + " ServicePrincipal objects")
    void ownedObjectsAreTyped() {
        Application app = admin.applications().post(application("Alice's tool"));
        ServicePrincipal sp = new ServicePrincipal();
        sp.setAppId(app.getAppId());
        ServicePrincipal created = admin.servicePrincipals().post(sp);
        admin.applications().byApplicationId(app.getId()).owners().ref().post(reference(aliceId));
        admin.servicePrincipals()
                .byServicePrincipalId(created.getId())
                .owners()
                .ref()
                .post(reference(aliceId));

        List<DirectoryObject> mine = alice.me().ownedObjects().get().getValue();
        List<DirectoryObject> hers =
                admin.users().byUserId(aliceId).ownedObjects().get().getValue();
        List<DirectoryObject> spOwners = admin.servicePrincipals()
                .byServicePrincipalId(created.getId())
                .owners()
                .get()
                .getValue();

        assertThat(mine)
                .filteredOn(Application.class::isInstance)
                .extracting(DirectoryObject::getId)
                .contains(app.getId());
        assertThat(mine)
                .filteredOn(ServicePrincipal.class::isInstance)
                .extracting(DirectoryObject::getId)
                .contains(created.getId());
        assertThat(hers).extracting(DirectoryObject::getId).contains(app.getId(), created.getId());
        assertThat(spOwners).singleElement().satisfies(owner -> {
            assertThat(owner).isInstanceOf(User.class);
            assertThat(owner.getId()).isEqualTo(aliceId);
        });
    }

    private static Application application(String name) {
        Application application = new Application();
        application.setDisplayName(name);
        return application;
    }

    private static AddPasswordPostRequestBody passwordBody(String name) {
        PasswordCredential credential = new PasswordCredential();
        credential.setDisplayName(name);
        AddPasswordPostRequestBody body = new AddPasswordPostRequestBody();
        body.setPasswordCredential(credential);
        return body;
    }

    private static ReferenceCreate reference(String objectId) {
        ReferenceCreate reference = new ReferenceCreate();
        reference.setOdataId(OBJECTS + objectId);
        return reference;
    }
}
