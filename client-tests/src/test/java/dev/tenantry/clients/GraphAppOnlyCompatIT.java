package dev.tenantry.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Graph SDK with app-only tokens (azure-identity ClientSecretCredential, which adds the CAE {@code claims}), for a
 * service principal granted User.Read.All and Directory.Read.All and for one granted nothing.
 */
class GraphAppOnlyCompatIT {

    private static Clients clients;
    private static TestDirectory directory;
    private static Optional<AppRegistration> reader;
    private static Optional<AppRegistration> ungranted;

    @BeforeAll
    static void registerApps() {
        TenantryProcess server = TenantryProcess.get();
        ServerApi api = new ServerApi(server);
        clients = new Clients(server);
        directory = TestDirectory.signUp(api, "graphapp");
        reader = AppRegistration.tryCreate(api, directory, "compat-graph-reader");
        reader.ifPresent(app -> {
            app.grantGraphRole(api, directory, AppRegistration.USER_READ_ALL);
            app.grantGraphRole(api, directory, AppRegistration.DIRECTORY_READ_ALL);
        });
        ungranted = AppRegistration.tryCreate(api, directory, "compat-graph-nothing");
    }

    @BeforeEach
    void needsPort443() {
        CompatReport.assumePort443("the Graph SDK (azure-identity underneath)");
    }

    private static GraphServiceClient graphAs(Optional<AppRegistration> app) {
        Assumptions.assumeTrue(app.isPresent(), "skipped: " + AppRegistration.UNAVAILABLE);
        AppRegistration registration = app.orElseThrow();
        return clients.graph(clients.clientSecret(directory.tenantId(), registration.appId(), registration.secret()));
    }

    @Test
    void grantedAppListsUsers() {
        GraphServiceClient graph = graphAs(reader);

        List<User> users = graph.users().get().getValue();

        assertThat(users).extracting(User::getUserPrincipalName).contains(directory.adminUpn());
    }

    @Test
    void grantedAppReadsTheOrganization() {
        GraphServiceClient graph = graphAs(reader);

        String id = graph.organization().get().getValue().get(0).getId();

        assertThat(id).isEqualTo(directory.tenantId());
    }

    @Test
    void meWithAnAppTokenIsABadRequest() {
        GraphServiceClient graph = graphAs(reader);

        ODataError error =
                catchThrowableOfType(ODataError.class, () -> graph.me().get());

        assertThat(error.getResponseStatusCode()).isEqualTo(400);
        assertThat(error.getError().getMessage()).contains("delegated");
    }

    @Test
    void appWithoutPermissionsIsForbiddenToListUsers() {
        GraphServiceClient graph = graphAs(ungranted);

        ODataError error =
                catchThrowableOfType(ODataError.class, () -> graph.users().get());

        assertThat(error.getResponseStatusCode()).isEqualTo(403);
    }
}
