package dev.tenantry.graph;

import static dev.tenantry.graph.GraphFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.testing.RunningServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Text holding the NUL character is a 400 everywhere, never a 500: PostgreSQL cannot store it (the fuzzer found it
 * there, where H2 took it), and no directory text needs it.
 */
class NulCharacterIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static GraphFixture graph;
    private static CreatedDirectory contoso;
    private static String adminToken;

    @BeforeAll
    static void directory() {
        graph = new GraphFixture(server);
        contoso = graph.directory("nul");
        adminToken = graph.token(contoso.admin());
    }

    @Test
    @DisplayName("a JSON body with \\u0000 in a value or a name is a 400 that names the character, and nothing changes")
    void jsonBodies() {
        for (String body :
                java.util.List.of("{\"displayName\":\"a\\u0000b\"}", "{\"x\\u0000\":1}", "{\"mail\":[\"\\u0000\"]}")) {
            HttpResponse<String> response =
                    graph.patch("/v1.0/users/" + contoso.admin().id(), body, adminToken);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(json(response).at("/error/message").asText()).contains("NUL character");
        }
        assertThat(json(graph.get("/v1.0/users/" + contoso.admin().id(), adminToken))
                        .get("displayName")
                        .asText())
                .isEqualTo("Kelley Wall");
    }

    @Test
    @DisplayName("a query string or a form with %00 is a 400")
    void queriesAndForms() {
        HttpResponse<String> query = graph.get("/v1.0/groups?$filter=displayName%20eq%20%27a%00%27", adminToken);
        HttpResponse<String> form = server.postForm(
                "/" + contoso.tenant().id() + "/oauth2/v2.0/token", "grant_type=password&username=a%00b");

        assertThat(query.statusCode()).isEqualTo(400);
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(form.body()).contains("NUL character");
    }
}
