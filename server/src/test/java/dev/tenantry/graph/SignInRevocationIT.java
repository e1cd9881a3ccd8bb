package dev.tenantry.graph;

import static dev.tenantry.graph.GraphFixture.AZURE_CLI;
import static dev.tenantry.graph.GraphFixture.GRAPH_SCOPE;
import static dev.tenantry.graph.GraphFixture.PASSWORD;
import static dev.tenantry.graph.GraphFixture.encode;
import static dev.tenantry.graph.GraphFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.User;
import dev.tenantry.testing.CookieClient;
import dev.tenantry.testing.RunningServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 7.9: an administrator's reset, disable or delete ends the user's refresh tokens and web sessions at once. */
class SignInRevocationIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static GraphFixture graph;
    private static CreatedDirectory contoso;
    private static String adminToken;

    @BeforeAll
    static void directory() {
        graph = new GraphFixture(server);
        contoso = graph.directory("contoso");
        adminToken = graph.token(contoso.admin());
    }

    @Test
    @DisplayName("issue 7.9: after an administrator resets a password, the old refresh token is refused")
    void resetPasswordRevokesRefreshTokens() {
        User jane = graph.user(contoso, "Jane Doe", "jane");
        String refreshToken = json(passwordGrant(jane)).get("refresh_token").asText();
        assertThat(refresh(refreshToken).statusCode())
                .as("refreshes before the reset")
                .isEqualTo(200);
        String current = json(passwordGrant(jane)).get("refresh_token").asText();

        HttpResponse<String> reset = graph.patch(
                "/v1.0/users/" + jane.id(), "{\"passwordProfile\":{\"password\":\"Fresh!Start2026\"}}", adminToken);
        HttpResponse<String> refused = refresh(current);

        assertThat(reset.statusCode()).isEqualTo(204);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    @DisplayName("issue 7.9: after an administrator disables an account, its web session is no longer signed in")
    void disableEndsWebSessions() {
        User tricia = graph.user(contoso, "Tricia Lee", "tricia");
        CookieClient browser = new CookieClient(server).signIn(tricia.userPrincipalName(), PASSWORD);
        assertThat(browser.get("/portal").statusCode()).as("signed in before").isEqualTo(200);

        HttpResponse<String> disabled =
                graph.patch("/v1.0/users/" + tricia.id(), "{\"accountEnabled\":false}", adminToken);
        HttpResponse<String> portal = browser.get("/portal");

        assertThat(disabled.statusCode()).isEqualTo(204);
        assertThat(portal.statusCode()).isIn(302, 303);
        assertThat(portal.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).startsWith("/signin"));
    }

    @Test
    @DisplayName("issue 7.9: after an administrator resets a password, the user's web session is no longer signed in")
    void resetPasswordEndsWebSessions() {
        User omar = graph.user(contoso, "Omar Diaz", "omar");
        CookieClient browser = new CookieClient(server).signIn(omar.userPrincipalName(), PASSWORD);

        graph.patch("/v1.0/users/" + omar.id(), "{\"passwordProfile\":{\"password\":\"Fresh!Start2026\"}}", adminToken);
        HttpResponse<String> portal = browser.get("/portal");

        assertThat(portal.statusCode()).isIn(302, 303);
    }

    private static HttpResponse<String> passwordGrant(User user) {
        return server.postForm(
                "/" + user.tenantId() + "/oauth2/v2.0/token",
                "grant_type=password&client_id=" + AZURE_CLI + "&scope=" + encode(GRAPH_SCOPE + " offline_access")
                        + "&username=" + encode(user.userPrincipalName()) + "&password=" + encode(PASSWORD));
    }

    private static HttpResponse<String> refresh(String refreshToken) {
        return server.postForm(
                "/" + contoso.tenant().id() + "/oauth2/v2.0/token",
                "grant_type=refresh_token&client_id=" + AZURE_CLI + "&refresh_token=" + encode(refreshToken));
    }
}
