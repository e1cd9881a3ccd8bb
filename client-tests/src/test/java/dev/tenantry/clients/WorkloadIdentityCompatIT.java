package dev.tenantry.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: azure-identity's {@code WorkloadIdentityCredential} and {@code DefaultAzureCredential}, each in a JVM of
 * its own configured only by the environment a Kubernetes pod with workload identity has, exchange an external token
 * for a Graph token of an application whose federated identity credential trusts the token's issuer, and call Graph
 * with it. The external issuer is Tenantry itself: an app-only token of another directory, whose issuer's OpenID
 * configuration and keys the server fetches over HTTPS.
 */
class WorkloadIdentityCompatIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TenantryProcess server;
    private static ServerApi api;
    private static TestDirectory directory;
    private static AppRegistration deployer;
    private static Path tokenFile;

    @BeforeAll
    static void registerTheFederatedCredential() throws Exception {
        server = TenantryProcess.get();
        api = new ServerApi(server);
        TestDirectory issuerDirectory = TestDirectory.signUp(api, "wifissuer");
        AppRegistration workload =
                AppRegistration.tryCreate(api, issuerDirectory, "workload").orElseThrow();
        String external = api.postForm(
                        "/" + issuerDirectory.tenantId() + "/oauth2/v2.0/token",
                        Map.of(
                                "grant_type",
                                "client_credentials",
                                "client_id",
                                workload.appId(),
                                "client_secret",
                                workload.secret(),
                                "scope",
                                Clients.GRAPH))
                .requireStatus(200)
                .body()
                .get("access_token")
                .asText();
        JsonNode claims = JSON.readTree(
                new String(Base64.getUrlDecoder().decode(external.split("\\.", -1)[1]), StandardCharsets.UTF_8));
        tokenFile = Files.createTempFile("tenantry-federated-token-", ".jwt");
        tokenFile.toFile().deleteOnExit();
        Files.writeString(tokenFile, external);

        directory = TestDirectory.signUp(api, "wif");
        deployer = AppRegistration.tryCreate(api, directory, "deployer").orElseThrow();
        deployer.grantGraphRole(api, directory, AppRegistration.USER_READ_ALL);
        String admin =
                api.passwordToken(directory.tenantId(), directory.adminUpn(), TestDirectory.PASSWORD, Clients.GRAPH);
        String objectId = api.get("/v1.0/applications?$filter=appId%20eq%20%27" + deployer.appId() + "%27", admin)
                .requireStatus(200)
                .body()
                .at("/value/0/id")
                .asText();
        api.postJson(
                        "/v1.0/applications/" + objectId + "/federatedIdentityCredentials",
                        """
                        {"name":"other-directory","issuer":"%s","subject":"%s","audiences":["%s"]}""".formatted(
                                        claims.get("iss").asText(),
                                        claims.get("sub").asText(),
                                        claims.get("aud").asText()),
                        admin)
                .requireStatus(201);
    }

    @Test
    void workloadIdentityCredentialGetsAGraphTokenFromTheEnvironmentAlone() throws Exception {
        assertGraphAccepts(child("workload"));
    }

    @Test
    void defaultAzureCredentialPicksTheWorkloadIdentity() throws Exception {
        assertGraphAccepts(child("default"));
    }

    private static void assertGraphAccepts(String token) {
        ServerApi.Reply users = api.get("/v1.0/users", token);
        assertThat(users.status()).as(users.raw()).isEqualTo(200);
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.", -1)[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains(deployer.appId());
    }

    /** Runs {@link WorkloadIdentityChild} in a new JVM whose environment is a pod's and nothing else of Azure's. */
    private static String child(String credential) throws Exception {
        return AzureChildJvm.token(
                WorkloadIdentityChild.class,
                Map.of(
                        "AZURE_CLIENT_ID", deployer.appId(),
                        "AZURE_TENANT_ID", directory.tenantId(),
                        "AZURE_FEDERATED_TOKEN_FILE", tokenFile.toString(),
                        "AZURE_AUTHORITY_HOST", server.baseUrl()),
                credential,
                Clients.GRAPH);
    }
}
