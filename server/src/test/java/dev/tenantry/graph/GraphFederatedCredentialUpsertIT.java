package dev.tenantry.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.testing.RunningServer;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11: Graph's upsert of a federated identity credential by name ({@code PATCH
 * …/federatedIdentityCredentials(name='…')}, {@code Prefer: create-if-missing}) and {@code $filter} on the list, over
 * HTTPS.
 */
class GraphFederatedCredentialUpsertIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    static final ObjectMapper JSON = new ObjectMapper();
    static final String GITHUB = "https://token.actions.githubusercontent.com";

    static String token;
    static String credentials;

    @BeforeAll
    static void directory() {
        GraphFixture graph = new GraphFixture(server);
        token = graph.token(graph.directory("contosofic").admin());
        credentials = "/v1.0/applications/"
                + graph.registerApp(token, "Deployer").objectId() + "/federatedIdentityCredentials";
    }

    static HttpResponse<String> upsert(String name, String json, boolean createIfMissing) {
        HttpRequest.Builder request = server.request(credentials + "(name='" + name + "')")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
        if (createIfMissing) {
            request.header("Prefer", "create-if-missing");
        }
        return server.send(request.build());
    }

    static String body(String subject) {
        return "{\"issuer\":\"" + GITHUB + "\",\"subject\":\"" + subject
                + "\",\"audiences\":[\"api://AzureADTokenExchange\"]}";
    }

    static List<String> names(String filter) throws Exception {
        HttpResponse<String> response = server.get(
                credentials + "?$filter="
                        + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20"),
                token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        JSON.readTree(response.body())
                .get("value")
                .forEach(c -> names.add(c.get("name").asText()));
        return names;
    }

    @Test
    @DisplayName("issue 11: upsert creates with Prefer: create-if-missing (201 and the credential), then updates (204);"
            + " without the header a missing name is a 404, as a plain update")
    void upsertByName() throws Exception {
        assertThat(upsert("main-branch", body("repo:contoso/app:ref:refs/heads/main"), false)
                        .statusCode())
                .isEqualTo(404);

        HttpResponse<String> created = upsert("main-branch", body("repo:contoso/app:ref:refs/heads/main"), true);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode credential = JSON.readTree(created.body());
        assertThat(credential.get("name").asText()).isEqualTo("main-branch");
        assertThat(credential.get("@odata.context").asText()).endsWith("/federatedIdentityCredentials/$entity");
        assertThat(created.headers().firstValue("Location"))
                .hasValue(server.baseUrl() + credentials + "/"
                        + credential.get("id").asText());

        HttpResponse<String> updated = upsert("Main-Branch", body("repo:contoso/app:environment:prod"), true);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
        JsonNode read =
                JSON.readTree(server.get(credentials + "/main-branch", token).body());
        assertThat(read.get("id").asText()).isEqualTo(credential.get("id").asText());
        assertThat(read.get("subject").asText()).isEqualTo("repo:contoso/app:environment:prod");

        HttpResponse<String> byName = server.get(credentials + "(name='main-branch')", token);
        assertThat(byName.statusCode()).as(byName.body()).isEqualTo(200);
        assertThat(JSON.readTree(byName.body()).get("id").asText())
                .isEqualTo(credential.get("id").asText());

        HttpResponse<String> renamed = upsert("main-branch", "{\"name\":\"other\"}", true);
        assertThat(renamed.statusCode()).isEqualTo(400);
        assertThat(renamed.body()).contains("name");
    }

    @Test
    @DisplayName("issue 11: the list honours $filter with name eq and subject eq (and both); anything else is a 400")
    void filterByNameAndSubject() throws Exception {
        assertThat(upsert("filter-a", body("subject-a"), true).statusCode()).isEqualTo(201);
        assertThat(upsert("filter-b", body("subject-b"), true).statusCode()).isEqualTo(201);

        assertThat(names("subject eq 'subject-a'")).containsExactly("filter-a");
        assertThat(names("name eq 'FILTER-B'")).containsExactly("filter-b");
        assertThat(names("name eq 'filter-a' and subject eq 'subject-a'")).containsExactly("filter-a");
        assertThat(names("name eq 'filter-a' and subject eq 'subject-b'")).isEmpty();

        for (String unsupported :
                List.of("issuer eq '" + GITHUB + "'", "startswith(name,'filter')", "description eq 'x'")) {
            HttpResponse<String> refused = server.get(
                    credentials + "?$filter="
                            + URLEncoder.encode(unsupported, StandardCharsets.UTF_8)
                                    .replace("+", "%20"),
                    token);
            assertThat(refused.statusCode()).as(unsupported).isEqualTo(400);
            assertThat(refused.body()).contains("Supported: name eq");
        }
    }

    @Test
    @DisplayName("issue 11: a credential is deleted by its name as Graph's SDKs address it")
    void deleteByName() {
        assertThat(upsert("short-lived", body("subject-short"), true).statusCode())
                .isEqualTo(201);

        HttpResponse<String> deleted = server.send(server.request(credentials + "(name='short-lived')")
                .header("Authorization", "Bearer " + token)
                .DELETE()
                .build());

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(server.get(credentials + "(name='short-lived')", token).statusCode())
                .isEqualTo(404);
    }
}
