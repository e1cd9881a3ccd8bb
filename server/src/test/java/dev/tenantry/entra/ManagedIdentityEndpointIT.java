package dev.tenantry.entra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.app.ManagedIdentityEndpoint;
import dev.tenantry.app.RunningManagedIdentityEndpoint;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.Tokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11: the managed identity endpoint over plain HTTP on 127.0.0.1 (App Service protocol and IMDS), serving the
 * identities of one compute host, and its tokens accepted by ARM over HTTPS.
 */
class ManagedIdentityEndpointIT {

    private static final String HEADER = "an-identity-header-secret-" + UUID.randomUUID();
    private static volatile String hostId;

    @RegisterExtension
    static final RunningServer server = new RunningServer(config -> hostId == null
            ? config
            : config.withManagedIdentityEndpoint(new ManagedIdentityEndpoint(0, hostId, HEADER)));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Tenantry!2026";
    private static final String API = "?api-version=2023-01-31";
    private static final String READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
    private static final HttpClient PLAIN = HttpClient.newHttpClient();

    static String subscriptionId;
    static String ownerToken;
    static JsonNode userAssigned;
    static String systemPrincipalId;

    @BeforeAll
    static void createHostAndRestartWithTheEndpoint() throws Exception {
        JsonNode body = JSON.readTree(
                server.postJson("/api/signups", """
                        {"organization":"Northwind","domainPrefix":"northwind","countryCode":"NL",
                         "admin":{"displayName":"Pat Owner","userName":"admin","password":"%s"},
                         "product":"MS-AZR-0003P"}
                        """.formatted(PASSWORD)).body());
        subscriptionId = body.at("/subscription/subscriptionId").asText();
        ownerToken = Tokens.password(server, "admin@northwind.onmicrosoft.test", PASSWORD, Tokens.MANAGEMENT);
        String group = "/subscriptions/" + subscriptionId + "/resourceGroups/rg-app";
        assertThat(put(group, "{\"location\":\"westeurope\"}").statusCode()).isEqualTo(201);
        userAssigned = JSON.readTree(put(
                        group + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-worker",
                        "{\"location\":\"westeurope\"}")
                .body());
        JsonNode host = JSON.readTree(put(group + "/providers/Tenantry.Compute/hosts/web-1", """
                        {"location":"westeurope","identity":{"type":"SystemAssigned, UserAssigned",
                         "userAssignedIdentities":{"%s":{}}}}
                        """.formatted(
                                userAssigned.get("id").asText()))
                .body());
        systemPrincipalId = host.at("/identity/principalId").asText();
        assertThat(put(
                                "/subscriptions/" + subscriptionId
                                        + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID()
                                        + "?api-version=2022-04-01",
                                "{\"properties\":{\"roleDefinitionId\":\"/subscriptions/" + subscriptionId
                                        + "/providers/Microsoft.Authorization/roleDefinitions/" + READER
                                        + "\",\"principalId\":\"" + systemPrincipalId
                                        + "\",\"principalType\":\"ServicePrincipal\"}}")
                        .statusCode())
                .isEqualTo(201);
        hostId = host.get("id").asText();
        server.restart();
    }

    static HttpResponse<String> put(String path, String json) {
        return server.send(server.request(path + (path.contains("?") ? "" : API))
                .header("Authorization", "Bearer " + ownerToken)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    static RunningManagedIdentityEndpoint endpoint() {
        return server.app().managedIdentityEndpoint().orElseThrow();
    }

    static HttpResponse<String> call(String pathAndQuery, String headerName, String headerValue) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(endpoint().origin() + pathAndQuery));
        if (headerName != null) {
            request.header(headerName, headerValue);
        }
        return PLAIN.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void appServiceProtocolGivesTheSystemAssignedIdentityATokenArmAccepts() throws Exception {
        HttpResponse<String> response = call(
                "/msi/token?api-version=2019-08-01&resource=" + encoded("https://management.azure.com/"),
                "X-IDENTITY-HEADER",
                HEADER);
        JsonNode body = JSON.readTree(response.body());
        var claims = SignedJWT.parse(body.get("access_token").asText()).getJWTClaimsSet();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("resource").asText()).isEqualTo("https://management.azure.com/");
        assertThat(Long.parseLong(body.get("expires_on").asText()))
                .isEqualTo(claims.getExpirationTime().toInstant().getEpochSecond());
        assertThat(claims.getStringClaim("oid")).isEqualTo(systemPrincipalId);
        assertThat(claims.getStringClaim("appid"))
                .isEqualTo(body.get("client_id").asText());
        assertThat(claims.getStringClaim("xms_mirid")).isEqualTo(hostId);
        assertThat(endpoint().origin()).startsWith("http://127.0.0.1:");
        HttpResponse<String> arm = server.get(
                "/subscriptions/" + subscriptionId + "?api-version=2022-12-01",
                body.get("access_token").asText());
        assertThat(arm.statusCode()).isEqualTo(200);
    }

    @Test
    void appServiceProtocolRefusesAMissingOrWrongHeader() throws Exception {
        String path = "/msi/token?api-version=2019-08-01&resource=" + encoded("https://management.azure.com/");

        assertThat(call(path, null, null).statusCode()).isEqualTo(401);
        assertThat(call(path, "X-IDENTITY-HEADER", HEADER + "x").statusCode()).isEqualTo(401);
        assertThat(call("/msi/token?api-version=2017-09-01&resource=x", "X-IDENTITY-HEADER", HEADER)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void appServiceProtocolSelectsAUserAssignedIdentity() throws Exception {
        String clientId = userAssigned.at("/properties/clientId").asText();
        JsonNode byClient = JSON.readTree(call(
                        "/msi/token?api-version=2019-08-01&resource=" + encoded("https://graph.microsoft.com")
                                + "&client_id=" + clientId,
                        "X-IDENTITY-HEADER",
                        HEADER)
                .body());
        JsonNode byResource = JSON.readTree(call(
                        "/msi/token?api-version=2019-08-01&resource=" + encoded("https://graph.microsoft.com")
                                + "&mi_res_id=" + encoded(userAssigned.get("id").asText()),
                        "X-IDENTITY-HEADER",
                        HEADER)
                .body());

        assertThat(byClient.get("client_id").asText()).isEqualTo(clientId);
        assertThat(byResource.get("client_id").asText()).isEqualTo(clientId);
        assertThat(SignedJWT.parse(byClient.get("access_token").asText())
                        .getJWTClaimsSet()
                        .getStringClaim("oid"))
                .isEqualTo(userAssigned.at("/properties/principalId").asText());
    }

    @Test
    void imdsNeedsTheMetadataHeaderAndAnswersInItsShape() throws Exception {
        String path = "/metadata/identity/oauth2/token?api-version=2018-02-01&resource="
                + encoded("https://management.azure.com/");
        HttpResponse<String> probe = call(path, null, null);
        HttpResponse<String> response = call(path, "Metadata", "true");
        HttpResponse<String> unknown = call(path + "&client_id=" + UUID.randomUUID(), "Metadata", "true");
        HttpResponse<String> vault = call(
                "/metadata/identity/oauth2/token?api-version=2018-02-01&resource=" + encoded("https://vault.azure.net"),
                "Metadata",
                "true");
        JsonNode body = JSON.readTree(response.body());

        assertThat(probe.statusCode()).isEqualTo(400);
        assertThat(probe.body()).contains("Required metadata header not specified");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.get("expires_in").isTextual()).isTrue();
        assertThat(Long.parseLong(body.get("expires_on").asText())
                        - Long.parseLong(body.get("not_before").asText()))
                .isEqualTo(Long.parseLong(body.get("expires_in").asText()));
        assertThat(body.get("resource").asText()).isEqualTo("https://management.azure.com/");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Identity not found");
        assertThat(vault.statusCode()).isEqualTo(400);
        assertThat(vault.body()).contains("invalid_resource").contains("AADSTS500011");
    }
}
