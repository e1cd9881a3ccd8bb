package dev.tenantry.entra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.testing.RunningServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 12: instance discovery as MSAL Python calls it, answered as Entra does, pointing back at this server. */
class InstanceDiscoveryIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName(
            "issue 12: api-version 1.1 with an authorization endpoint names this server's tenant discovery and host")
    void discoveryPointsBackAtThisServer() throws Exception {
        String base = server.baseUrl();
        String authority = URI.create(base).getRawAuthority();

        HttpResponse<String> v11 = server.get("/common/discovery/instance?api-version=1.1&authorization_endpoint="
                + encode(base + "/contoso.onmicrosoft.test/oauth2/v2.0/authorize"));
        HttpResponse<String> v10 = server.get("/common/discovery/instance?api-version=1.0&authorization_endpoint="
                + encode(base + "/organizations/oauth2/authorize"));
        HttpResponse<String> bare = server.get("/common/discovery/instance?api-version=1.1");

        assertThat(v11.statusCode()).isEqualTo(200);
        assertThat(json(v11).get("tenant_discovery_endpoint").asText())
                .isEqualTo(base + "/contoso.onmicrosoft.test/v2.0/.well-known/openid-configuration");
        assertThat(json(v11).at("/metadata/0/aliases/0").asText()).isEqualTo(authority);
        assertThat(json(v11).at("/metadata/0/preferred_network").asText()).isEqualTo(authority);
        assertThat(json(v10).get("tenant_discovery_endpoint").asText())
                .isEqualTo(base + "/organizations/v2.0/.well-known/openid-configuration");
        assertThat(json(v10).get("api-version").asText()).isEqualTo("1.0");
        assertThat(json(bare).get("tenant_discovery_endpoint").asText())
                .isEqualTo(base + "/common/v2.0/.well-known/openid-configuration");
        // the endpoint it names answers
        assertThat(server.get(URI.create(json(v11)
                                        .get("tenant_discovery_endpoint")
                                        .asText())
                                .getPath())
                        .statusCode())
                .isIn(200, 400);
    }

    @Test
    @DisplayName("issue 12: another host is invalid_instance (AADSTS50049); no api-version is invalid_request")
    void refusals() throws Exception {
        HttpResponse<String> otherHost = server.get("/common/discovery/instance?api-version=1.1&authorization_endpoint="
                + encode("https://login.example.com/common/oauth2/v2.0/authorize"));
        HttpResponse<String> garbage =
                server.get("/common/discovery/instance?api-version=1.1&authorization_endpoint=%3A%3A");
        HttpResponse<String> noVersion = server.get("/common/discovery/instance");

        assertThat(otherHost.statusCode()).isEqualTo(400);
        assertThat(json(otherHost).get("error").asText()).isEqualTo("invalid_instance");
        assertThat(json(otherHost).get("error_codes").get(0).asInt()).isEqualTo(50049);
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat(json(noVersion).get("error").asText()).isEqualTo("invalid_request");
    }
}
