package dev.tenantry.graph;

import static dev.tenantry.graph.GraphFixture.encode;
import static dev.tenantry.graph.GraphFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.GraphPermission;
import dev.tenantry.testing.RunningServer;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12: every audience that names Graph on this server — its public URL (what a registered custom cloud asks
 * for), {@code https://graph.microsoft.com} and Graph's app id — gives tokens that carry the Graph permissions, and
 * Resource Manager takes its own audiences and the public URL.
 */
class GraphAudiencesIT {

    private static final String PUBLIC_URL = "https://tenantry.test:9443";

    @RegisterExtension
    static final RunningServer server = new RunningServer(config -> config.withPublicUrl(PUBLIC_URL));

    private static GraphFixture graph;
    private static CreatedDirectory contoso;
    private static GraphFixture.App app;

    @BeforeAll
    static void directory() {
        graph = new GraphFixture(server);
        contoso = graph.directory("audiences");
        String adminToken = graph.token(contoso.admin());
        app = graph.registerApp(adminToken, "Reader");
        graph.grant(app, adminToken, GraphPermission.USER_READ_ALL);
    }

    private static HttpResponse<String> token(String form) {
        return server.postForm("/" + contoso.tenant().id() + "/oauth2/v2.0/token", form);
    }

    private static String appToken(String scope) {
        HttpResponse<String> response = token("grant_type=client_credentials&client_id=" + app.appId()
                + "&client_secret=" + encode(app.secret()) + "&scope=" + encode(scope));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("access_token").asText();
    }

    private static String userToken(String scope) {
        HttpResponse<String> response = token("grant_type=password&client_id=" + GraphFixture.AZURE_CLI + "&scope="
                + encode(scope) + "&username=" + encode(contoso.admin().userPrincipalName()) + "&password="
                + encode(GraphFixture.PASSWORD));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("access_token").asText();
    }

    private static List<String> roles(String token) throws ParseException {
        return SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim("roles");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                PUBLIC_URL + "/.default",
                PUBLIC_URL + "//.default",
                "https://graph.microsoft.com/.default",
                "00000003-0000-0000-c000-000000000000/.default"
            })
    @DisplayName("issue 12: an app-only token for any of Graph's audiences carries its app roles and reads users")
    void appTokenForEveryGraphAudienceCarriesRoles(String scope) throws ParseException {
        String token = appToken(scope);

        HttpResponse<String> users = graph.get("/v1.0/users", token);

        assertThat(roles(token)).containsExactly("User.Read.All");
        assertThat(users.statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("issue 12: a delegated token for the public URL carries Graph's scopes; ARM accepts it too")
    void delegatedTokenForThePublicUrlWorksOnGraphAndArm() throws ParseException {
        String token = userToken(PUBLIC_URL + "/.default offline_access openid profile");

        HttpResponse<String> me = graph.get("/v1.0/me", token);
        HttpResponse<String> subscriptions = graph.get("/subscriptions?api-version=2022-12-01", token);

        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("scp"))
                .contains("Directory.AccessAsUser.All");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(subscriptions.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://management.core.windows.net//.default",
                "https://management.azure.com/.default",
                "797f4846-ba00-4fd7-ba43-dac1f8f63013/.default"
            })
    @DisplayName("issue 12: Resource Manager's audiences work on ARM and are refused by Graph")
    void armAudiencesAreArmOnly(String scope) {
        String token = userToken(scope);

        HttpResponse<String> subscriptions = graph.get("/subscriptions?api-version=2022-12-01", token);
        HttpResponse<String> users = graph.get("/v1.0/users", token);

        assertThat(subscriptions.statusCode()).isEqualTo(200);
        assertThat(users.statusCode()).isEqualTo(401);
        JsonNode error = json(users);
        assertThat(error.at("/error/message").asText()).contains(PUBLIC_URL.toLowerCase(java.util.Locale.ROOT));
    }
}
