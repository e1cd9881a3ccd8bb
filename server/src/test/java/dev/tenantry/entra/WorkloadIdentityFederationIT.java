package dev.tenantry.entra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.app.TenantryApp;
import dev.tenantry.app.TenantryConfig;
import dev.tenantry.app.testmode.SeedFile;
import dev.tenantry.app.testmode.Seeded;
import dev.tenantry.app.testmode.TestMode;
import dev.tenantry.testing.Tls;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: workload identity federation over HTTPS with Tenantry itself as the external issuer: a token of fabrikam's
 * issuer (forged in test mode with the server's key, as fabrikam's tokens are signed) is exchanged for an app-only
 * token of contoso's "deployer" application, whose federated identity credential trusts fabrikam's issuer.
 */
class WorkloadIdentityFederationIT {

    static final String SEED = """
            tenants:
              - name: contoso
                domainPrefix: contoso
                admin: {userName: admin, password: "Tenantry-Seed-1"}
                applications:
                  - {name: manager, graphPermissions: [Application.ReadWrite.All]}
                  - {name: deployer, graphPermissions: [User.Read.All]}
              - name: fabrikam
                domainPrefix: fabrikam
                admin: {userName: admin, password: "Tenantry-Seed-2"}
            """;
    static final String SUBJECT = "system:serviceaccount:deploy:deployer";
    static final String EXCHANGE = "api://AzureADTokenExchange";
    static final ObjectMapper JSON = new ObjectMapper();

    static TenantryApp server;
    static HttpClient http;
    static Seeded.SeededTenant contoso;
    static Seeded.SeededTenant fabrikam;
    static String base;
    static String issuer;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() throws Exception {
        server = TenantryApp.startInTestMode(
                TenantryConfig.defaults().withPort(0).withDataDir(dataDir),
                TestMode.seeded(SeedFile.parse("seed.yaml", SEED)));
        http = HttpClient.newBuilder()
                .sslContext(Tls.trusting(server.certificate()))
                .build();
        Seeded seeded = server.testMode().orElseThrow().seeded();
        contoso = seeded.tenant("contoso").orElseThrow();
        fabrikam = seeded.tenant("fabrikam").orElseThrow();
        base = "https://localhost:" + server.port();
        issuer = base + "/" + fabrikam.tenantId() + "/v2.0";
        String manager = token(form(
                "client_id", contoso.apps().get("manager").appId().toString(),
                "client_secret", contoso.apps().get("manager").secret()));
        HttpResponse<String> created = graph(
                "POST",
                manager,
                "{\"name\":\"fabrikam-deployer\",\"issuer\":\"" + issuer + "\",\"subject\":\"" + SUBJECT
                        + "\",\"audiences\":[\"" + EXCHANGE + "\"],\"description\":\"CI\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String form(String... pairs) {
        StringBuilder body = new StringBuilder("grant_type=client_credentials&scope="
                + URLEncoder.encode("https://graph.microsoft.com/.default", StandardCharsets.UTF_8));
        for (int i = 0; i < pairs.length; i += 2) {
            body.append('&')
                    .append(pairs[i])
                    .append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    static HttpResponse<String> tokenResponse(String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/" + contoso.tenantId() + "/oauth2/v2.0/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String token(String form) throws Exception {
        HttpResponse<String> response = tokenResponse(form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    static HttpResponse<String> graph(String method, String token, String body) throws Exception {
        return graph(method, "", token, body);
    }

    static HttpResponse<String> graph(String method, String suffix, String token, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/v1.0/applications/"
                                + contoso.apps().get("deployer").objectId() + "/federatedIdentityCredentials" + suffix))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** An external token of fabrikam's issuer, as Kubernetes would project it into the pod. */
    static String external(Map<String, Object> claims, String flavour) {
        Map<String, Object> all = new java.util.HashMap<>(Map.of("sub", SUBJECT, "aud", EXCHANGE));
        all.putAll(claims);
        return server.testMode().orElseThrow().forge(base, fabrikam.tenantId(), all, flavour);
    }

    static HttpResponse<String> exchange(String assertion) throws Exception {
        return tokenResponse(form(
                "client_id",
                contoso.apps().get("deployer").appId().toString(),
                "client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion",
                assertion));
    }

    static void refused(HttpResponse<String> response, String aadsts) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 401);
        assertThat(body.get("error_description").asText()).startsWith("AADSTS" + aadsts + ":");
    }

    @Test
    @DisplayName("issue 11: Graph lists, gets by id or name, updates and refuses duplicates of federated credentials")
    void graphCrud() throws Exception {
        String manager = token(form(
                "client_id", contoso.apps().get("manager").appId().toString(),
                "client_secret", contoso.apps().get("manager").secret()));
        JsonNode list = JSON.readTree(graph("GET", manager, "").body());
        assertThat(list.get("@odata.context").asText()).endsWith("/federatedIdentityCredentials");
        JsonNode credential = list.get("value").get(0);
        assertThat(credential.get("name").asText()).isEqualTo("fabrikam-deployer");
        assertThat(credential.get("audiences").get(0).asText()).isEqualTo(EXCHANGE);
        String id = credential.get("id").asText();

        assertThat(graph("GET", "/" + id, manager, "").statusCode()).isEqualTo(200);
        assertThat(graph("PATCH", "/fabrikam-deployer", manager, "{\"description\":\"CI deploys\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(JSON.readTree(graph("GET", "/fabrikam-deployer", manager, "").body())
                        .get("description")
                        .asText())
                .isEqualTo("CI deploys");

        HttpResponse<String> duplicate = graph(
                "POST", manager, "{\"name\":\"FABRIKAM-deployer\",\"issuer\":\"" + issuer + "\",\"subject\":\"x\"}");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        HttpResponse<String> plainHttp =
                graph("POST", manager, "{\"name\":\"plain\",\"issuer\":\"http://example.com\",\"subject\":\"x\"}");
        assertThat(plainHttp.statusCode()).isEqualTo(400);
        assertThat(plainHttp.body()).contains("issuer");
        assertThat(graph("GET", "/nothing-here", manager, "").statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("issue 11: the external token is exchanged for an app-only token that calls Graph")
    void exchangedTokenCallsGraph() throws Exception {
        HttpResponse<String> response = exchange(external(Map.of(), "valid"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String accessToken = JSON.readTree(response.body()).get("access_token").asText();

        HttpResponse<String> users = http.send(
                HttpRequest.newBuilder(URI.create(base + "/v1.0/users"))
                        .header("Authorization", "Bearer " + accessToken)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
    }

    @Test
    @DisplayName("issue 11: wrong subject, wrong audience, unregistered issuer, expiry and bad signature refused")
    void refusals() throws Exception {
        refused(exchange(external(Map.of("sub", "system:serviceaccount:other:app"), "valid")), "700213");
        refused(exchange(external(Map.of("aud", "api://other"), "valid")), "700212");
        String otherIssuer = base + "/" + UUID.randomUUID() + "/v2.0";
        refused(exchange(external(Map.of("iss", otherIssuer), "valid")), "700211");
        refused(exchange(external(Map.of(), "expired")), "700024");
        refused(exchange(external(Map.of(), "wrong-key")), "700027");

        String reused = external(Map.of(), "valid");
        assertThat(exchange(reused).statusCode()).isEqualTo(200);
        assertThat(exchange(reused).statusCode())
                .as("exchanged again until it expires, as Entra allows (az CLI and azure-identity reuse it)")
                .isEqualTo(200);
    }
}
