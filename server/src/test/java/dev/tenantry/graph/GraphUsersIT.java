package dev.tenantry.graph;

import static dev.tenantry.graph.GraphFixture.encode;
import static dev.tenantry.graph.GraphFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.User;
import dev.tenantry.shared.Caller;
import dev.tenantry.testing.RunningServer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GraphUsersIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static GraphFixture graph;
    private static CreatedDirectory contoso;
    private static User alice;
    private static String adminToken;
    private static String aliceToken;

    @BeforeAll
    static void directory() {
        graph = new GraphFixture(server);
        contoso = graph.directory("contoso");
        alice = graph.user(contoso, "Alice Adams", "alice");
        graph.user(contoso, "Alan Turing", "alan");
        graph.user(contoso, "Bob Brown", "bob");
        graph.user(contoso, "Carol Clark", "carol");
        graph.user(contoso, "Dave Doe", "dave");
        adminToken = graph.token(contoso.admin());
        aliceToken = graph.token(alice);
    }

    @Test
    void pagesThroughUsersFollowingAbsoluteNextLinks() {
        List<String> ids = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String url = "/v1.0/users?$top=2&$select=id,displayName";

        while (url != null) {
            HttpResponse<String> page = graph.get(url, adminToken);
            assertThat(page.statusCode()).isEqualTo(200);
            JsonNode body = json(page);
            body.get("value").forEach(user -> ids.add(user.get("id").asText()));
            sizes.add(body.get("value").size());
            url = body.has("@odata.nextLink") ? body.get("@odata.nextLink").asText() : null;
            if (url != null) {
                assertThat(url).startsWith(server.baseUrl() + "/v1.0/users?").contains("$skiptoken=");
            }
        }

        assertThat(sizes).containsExactly(2, 2, 2);
        assertThat(ids).doesNotHaveDuplicates().hasSize(6);
    }

    @Test
    void answersWithGraphsMediaTypeAndContext() {
        HttpResponse<String> response = graph.get("/v1.0/users?$top=1", adminToken);

        assertThat(response.headers().firstValue("Content-Type")).hasValue(GraphResponses.CONTENT_TYPE);
        assertThat(json(response).get("@odata.context").asText()).isEqualTo(server.baseUrl() + "/v1.0/$metadata#users");
    }

    @Test
    void aPageIsWrittenAsItIsSerializedWithItsTextIntactAndGzipWhenAsked() throws Exception {
        // the list streams its page (issue 13): the same JSON ctx.json wrote, text beyond the Basic Multilingual Plane
        // as UTF-8, a lone surrogate escaped, and Javalin's compression still applied to a client that asks for it
        String name = "Zoë 😀 \uD800 Smith";
        CreatedDirectory fabrikam = graph.directory("fabrikam-text"); // contoso's pages count their users
        User zoe = graph.user(fabrikam, name, "zoe");
        for (int i = 1; i <= 3; i++) { // a page long enough to compress
            graph.user(fabrikam, "Zoë " + i, "zoe" + i);
        }
        String token = graph.token(fabrikam.admin());
        String url = "/v1.0/users?$select=*&$filter=" + encode("startswith(displayName,'Zoë')");

        HttpResponse<byte[]> plain = server.http()
                .send(
                        server.request(url)
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> zipped = server.http()
                .send(
                        server.request(url)
                                .header("Authorization", "Bearer " + token)
                                .header("Accept-Encoding", "gzip")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Type")).hasValue(GraphResponses.CONTENT_TYPE);
        String text = new String(plain.body(), StandardCharsets.UTF_8);
        // H2 keeps the lone surrogate, which the page escapes; PostgreSQL stores '?' (UTF-8 cannot hold it)
        String stored = server.app()
                .services()
                .users()
                .getUser(Caller.system(), fabrikam.tenant().id(), zoe.id().toString())
                .displayName();
        assertThat(stored).isIn(name, "Zoë 😀 ? Smith");
        assertThat(text)
                .contains(stored.equals(name) ? "Zoë 😀 \\uD800 Smith" : stored)
                .doesNotContain("\\uD83D");
        JsonNode page = new ObjectMapper().readTree(text);
        // a startswith page is in display-name order: "Zoë 1" to "Zoë 3", then "Zoë 😀…"
        assertThat(page.at("/value/3/id").asText()).isEqualTo(zoe.id().toString());
        assertThat(page.at("/value/3/displayName").asText()).isEqualTo(stored);
        assertThat(page.get("value")).hasSize(4);
        assertThat(plain.body().length).isGreaterThan(1500); // Javalin compresses from 1 500 bytes
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(new ObjectMapper().readTree(unzipped)).isEqualTo(page);
        }
    }

    @Test
    void tamperedSkipTokenIsABadRequest() {
        String next = json(graph.get("/v1.0/users?$top=2", adminToken))
                .get("@odata.nextLink")
                .asText();

        // the second-to-last base64url character always carries signature bits, so changing it always tampers
        char changed = next.charAt(next.length() - 2) == 'x' ? 'y' : 'x';
        String tampered = next.substring(0, next.length() - 2) + changed + next.charAt(next.length() - 1);

        HttpResponse<String> response = graph.get(tampered, adminToken);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Request_BadRequest").contains("$skiptoken");
    }

    @Test
    void selectReturnsOnlyTheSelectedProperties() {
        JsonNode user = json(graph.get("/v1.0/users?$select=id,userPrincipalName,accountEnabled", adminToken))
                .get("value")
                .get(0);

        assertThat(user.properties())
                .extracting(java.util.Map.Entry::getKey)
                .containsExactly("id", "userPrincipalName", "accountEnabled");
    }

    @Test
    void createdDateTimeIsAnIsoInstantWhenSelected() {
        JsonNode user = json(graph.get("/v1.0/users?$select=id,createdDateTime", adminToken))
                .get("value")
                .get(0);

        assertThat(java.time.Instant.parse(user.get("createdDateTime").asText()))
                .isBefore(java.time.Instant.now().plusSeconds(1));
        assertThat(json(graph.get("/v1.0/users", adminToken))
                        .get("value")
                        .get(0)
                        .has("createdDateTime"))
                .as("not in Graph's default property set")
                .isFalse();
    }

    @Test
    void filtersByEqualityAndStartsWith() {
        String eq = "userPrincipalName eq '" + alice.userPrincipalName() + "'";
        JsonNode byUpn = json(graph.get("/v1.0/users?$filter=" + encode(eq), adminToken));
        JsonNode byPrefix =
                json(graph.get("/v1.0/users?$filter=" + encode("startswith(displayName,'Al')"), adminToken));

        assertThat(byUpn.get("value")).hasSize(1);
        assertThat(byUpn.get("value").get(0).get("id").asText())
                .isEqualTo(alice.id().toString());
        assertThat(byPrefix.get("value").findValuesAsText("displayName"))
                .containsExactlyInAnyOrder("Alice Adams", "Alan Turing");
    }

    @Test
    void unsupportedFilterIsABadRequestNamingWhatWorks() {
        HttpResponse<String> response = graph.get("/v1.0/users?$filter=" + encode("displayName ne 'Bob'"), adminToken);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("startswith(property,'value')");
    }

    @Test
    void getsAUserByUrlEncodedUpnWithDefaultProperties() {
        HttpResponse<String> response = graph.get("/v1.0/users/" + encode(alice.userPrincipalName()), aliceToken);

        JsonNode user = json(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(user.get("id").asText()).isEqualTo(alice.id().toString());
        assertThat(user.get("businessPhones").isArray()).isTrue();
        assertThat(user.get("mobilePhone").isNull()).isTrue();
        assertThat(user.has("accountEnabled")).isFalse();
        assertThat(user.get("@odata.context").asText()).endsWith("#users/$entity");
    }

    @Test
    void adminCreatesUpdatesAndDeletesAUser() {
        String upn = "erin@" + contoso.tenant().initialDomain();
        String body = """
                {"@odata.type":"#microsoft.graph.user","accountEnabled":true,"displayName":"Erin Eve",
                 "mailNickname":"erin","passwordProfile":{"forceChangePasswordNextSignIn":false,"password":"Passw0rd!x"},
                 "userPrincipalName":"%s","usageLocation":"NL"}""".formatted(upn);

        HttpResponse<String> created = graph.post("/v1.0/users", body, adminToken);
        String id = json(created).get("id").asText();
        HttpResponse<String> patched = graph.patch("/v1.0/users/" + id, "{\"jobTitle\":\"Engineer\"}", adminToken);
        JsonNode read = json(graph.get("/v1.0/users/" + id + "?$select=jobTitle,usageLocation", adminToken));
        HttpResponse<String> deleted = graph.delete("/v1.0/users/" + id, adminToken);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue(server.baseUrl() + "/v1.0/users/" + id);
        assertThat(json(created).get("userPrincipalName").asText()).isEqualTo(upn);
        assertThat(patched.statusCode()).isEqualTo(204);
        assertThat(read.get("jobTitle").asText()).isEqualTo("Engineer");
        assertThat(read.get("usageLocation").asText()).isEqualTo("NL");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(graph.get("/v1.0/users/" + id, adminToken).statusCode()).isEqualTo(404);
    }

    @Test
    void nonAdminCannotCreateUsers() {
        String body = """
                {"accountEnabled":true,"displayName":"Mallory","mailNickname":"mallory",
                 "passwordProfile":{"password":"Passw0rd!x"},"userPrincipalName":"mallory"}""";

        HttpResponse<String> response = graph.post("/v1.0/users", body, aliceToken);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("Authorization_RequestDenied");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void meIsTheSignedInUserAndMemberOfListsTheirRoles() {
        JsonNode me = json(graph.get("/v1.0/me", adminToken));
        JsonNode roles = json(graph.get("/v1.0/me/memberOf", adminToken));
        JsonNode aliceRoles = json(graph.get("/v1.0/users/" + alice.id() + "/memberOf", adminToken));

        assertThat(me.get("id").asText()).isEqualTo(contoso.admin().id().toString());
        assertThat(roles.get("value").get(0).get("@odata.type").asText()).isEqualTo("#microsoft.graph.directoryRole");
        assertThat(roles.get("value").get(0).get("displayName").asText()).isEqualTo("Global Administrator");
        assertThat(aliceRoles.get("value")).isEmpty();
    }

    @Test
    void r14UserOfAnotherDirectoryCannotReadThisDirectorysUser() {
        CreatedDirectory fabrikam = graph.directory("fabrikam");
        String fabrikamToken = graph.token(fabrikam.admin());

        HttpResponse<String> response = graph.get("/v1.0/users/" + alice.id(), fabrikamToken);
        JsonNode list = json(graph.get("/v1.0/users", fabrikamToken));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("Request_ResourceNotFound");
        assertThat(list.get("value").findValuesAsText("id"))
                .containsExactly(fabrikam.admin().id().toString());
    }
}
