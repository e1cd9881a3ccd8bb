package dev.tenantry.arm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.NewUser;
import dev.tenantry.testing.RunningServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12: {@code /metadata/endpoints} in the 2015-01-01 object shape (Azure CLI 2.45's {@code az cloud register
 * --endpoint-resource-manager}) and the 2022-09-01 list shape, built from the public URL; the Graph resource id it
 * names gives Graph tokens, its ARM audience ARM tokens.
 */
class ArmMetadataIT {

    private static final String PUBLIC_URL = "https://tenantry.test:9443";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RunningServer server = new RunningServer(config -> config.withPublicUrl(PUBLIC_URL));

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(String path) {
        return server.send(server.request(path).GET().build());
    }

    @Test
    @DisplayName("issue 12: api-version 2015-01-01 answers the object msrestazure reads, without a token")
    void objectShapeFor2015() throws IOException {
        HttpResponse<String> response = get("/metadata/endpoints?api-version=2015-01-01");

        JsonNode body = json(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.get("galleryEndpoint").asText()).isNotBlank();
        assertThat(body.get("graphEndpoint").asText()).isEqualTo("https://graph.windows.net/");
        assertThat(body.get("portalEndpoint").asText()).isEqualTo(PUBLIC_URL + "/portal/");
        assertThat(body.at("/authentication/loginEndpoint").asText()).isEqualTo(PUBLIC_URL + "/");
        assertThat(body.at("/authentication/audiences/0").asText()).isEqualTo("https://management.core.windows.net/");
    }

    @Test
    @DisplayName("issue 12: api-version 2022-09-01 answers a list naming this server for ARM, sign-in and Graph")
    void listShapeFor2022() throws IOException {
        HttpResponse<String> response = get("/metadata/endpoints?api-version=2022-09-01");

        JsonNode cloud = json(response).get(0);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).size()).isEqualTo(1);
        assertThat(cloud.get("name").asText()).isEqualTo("Tenantry");
        assertThat(cloud.get("resourceManager").asText()).isEqualTo(PUBLIC_URL + "/");
        assertThat(cloud.get("microsoftGraphResourceId").asText()).isEqualTo(PUBLIC_URL + "/");
        assertThat(cloud.at("/authentication/loginEndpoint").asText()).isEqualTo(PUBLIC_URL);
        assertThat(cloud.at("/authentication/audiences/0").asText()).isEqualTo("https://management.core.windows.net/");
        assertThat(cloud.at("/authentication/tenant").asText()).isEqualTo("common");
        assertThat(cloud.at("/authentication/identityProvider").asText()).isEqualTo("AAD");
        for (String key : new String[] {"graph", "graphAudience", "sqlManagement", "batch", "gallery", "media"}) {
            assertThat(cloud.has(key)).as(key).isTrue();
        }
        assertThat(cloud.at("/suffixes/storage").asText()).isEqualTo("core.windows.net");
        assertThat(cloud.at("/suffixes/keyVaultDns").asText()).isEqualTo("vault.azure.net");
    }

    @Test
    @DisplayName("issue 12: a missing or unknown api-version is ARM's 400")
    void apiVersionIsRequiredAndChecked() throws IOException {
        HttpResponse<String> missing = get("/metadata/endpoints");
        HttpResponse<String> unknown = get("/metadata/endpoints?api-version=2099-01-01");

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).at("/error/code").asText()).isEqualTo("MissingApiVersionParameter");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).at("/error/code").asText()).isEqualTo("InvalidApiVersionParameter");
        assertThat(json(unknown).at("/error/message").asText()).contains("2099-01-01", "2022-09-01");
    }

    @Test
    @DisplayName("issue 12: the metadata's Graph resource id gives a Graph token, its ARM audience an ARM token")
    void tokensForTheAdvertisedResources() throws IOException {
        CreatedDirectory contoso = server.app()
                .services()
                .tenants()
                .createDirectory("Meta Ltd", "US", "meta", NewUser.of("Kelley Wall", "admin", "Passw0rd!x"));
        JsonNode cloud = json(get("/metadata/endpoints?api-version=2022-09-01")).get(0);
        String graphToken =
                userToken(contoso, cloud.get("microsoftGraphResourceId").asText() + ".default");
        String armToken =
                userToken(contoso, cloud.at("/authentication/audiences/0").asText() + "/.default");

        HttpResponse<String> me = server.send(server.request("/v1.0/me")
                .header("Authorization", "Bearer " + graphToken)
                .GET()
                .build());
        HttpResponse<String> subscriptions = server.send(server.request("/subscriptions?api-version=2022-12-01")
                .header("Authorization", "Bearer " + armToken)
                .GET()
                .build());
        HttpResponse<String> graphWithArmToken = server.send(server.request("/v1.0/me")
                .header("Authorization", "Bearer " + armToken)
                .GET()
                .build());

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(subscriptions.statusCode()).isEqualTo(200);
        assertThat(graphWithArmToken.statusCode()).isEqualTo(401);
    }

    private static String userToken(CreatedDirectory directory, String scope) throws IOException {
        String form = "grant_type=password&client_id=04b07795-8ddb-461a-bbee-02f9e1bf7b46&scope=" + encode(scope)
                + "&username=" + encode(directory.admin().userPrincipalName()) + "&password=" + encode("Passw0rd!x");
        HttpResponse<String> response = server.postForm("/" + directory.tenant().id() + "/oauth2/v2.0/token", form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("access_token").asText();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
