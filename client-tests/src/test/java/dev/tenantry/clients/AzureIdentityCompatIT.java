package dev.tenantry.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** azure-identity's ClientSecretCredential and UsernamePasswordCredential (sync getToken) for ARM and Graph scopes. */
class AzureIdentityCompatIT {

    private static Clients clients;
    private static TestDirectory directory;
    private static Optional<AppRegistration> app;

    @BeforeAll
    static void signUp() {
        TenantryProcess server = TenantryProcess.get();
        ServerApi api = new ServerApi(server);
        clients = new Clients(server);
        directory = TestDirectory.signUp(api, "identity");
        app = AppRegistration.tryCreate(api, directory, "compat-identity-daemon");
    }

    @BeforeEach
    void needsPort443() {
        CompatReport.assumePort443("azure-identity");
    }

    private static TokenCredential user() {
        return clients.userPassword(directory.tenantId(), directory.adminUpn(), TestDirectory.PASSWORD);
    }

    private static TokenCredential servicePrincipal() {
        Assumptions.assumeTrue(app.isPresent(), "skipped: " + AppRegistration.UNAVAILABLE);
        AppRegistration registration = app.orElseThrow();
        return clients.clientSecret(directory.tenantId(), registration.appId(), registration.secret());
    }

    private static AccessToken token(TokenCredential credential, String scope) {
        return credential.getTokenSync(new TokenRequestContext().addScopes(scope));
    }

    @Test
    void usernamePasswordCredentialGetsAManagementToken() {
        AccessToken token = token(user(), Clients.MANAGEMENT);

        assertThat(token.getToken()).isNotBlank();
        assertThat(token.getExpiresAt()).isAfter(OffsetDateTime.now().plusMinutes(30));
    }

    @Test
    void usernamePasswordCredentialGetsAGraphToken() {
        AccessToken token = token(user(), Clients.GRAPH);

        assertThat(token.getToken()).isNotBlank();
        assertThat(token.getExpiresAt()).isAfter(OffsetDateTime.now().plusMinutes(30));
    }

    @Test
    void oneUsernamePasswordCredentialServesBothResources() {
        TokenCredential credential = user();

        AccessToken graph = token(credential, Clients.GRAPH);
        AccessToken management = token(credential, Clients.MANAGEMENT);

        assertThat(management.getToken()).isNotEqualTo(graph.getToken());
    }

    @Test
    void secondGetTokenOnTheSameCredentialIsServedFromTheCache() {
        TokenCredential credential = user();
        AccessToken first = token(credential, Clients.GRAPH);

        AccessToken second = token(credential, Clients.GRAPH);

        assertThat(second.getToken()).isEqualTo(first.getToken());
    }

    @Test
    void clientSecretCredentialGetsAManagementToken() {
        AccessToken token = token(servicePrincipal(), Clients.MANAGEMENT);

        assertThat(token.getToken()).isNotBlank();
        assertThat(token.getExpiresAt()).isAfter(OffsetDateTime.now().plusMinutes(30));
    }

    @Test
    void clientSecretCredentialGetsAGraphToken() {
        AccessToken token = token(servicePrincipal(), Clients.GRAPH);

        assertThat(token.getToken()).isNotBlank();
    }
}
