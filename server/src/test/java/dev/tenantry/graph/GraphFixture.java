package dev.tenantry.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.GraphPermission;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.shared.Caller;
import dev.tenantry.testing.RunningServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Test helper for Graph ITs: directories, users, delegated tokens and Graph requests against a running server. */
final class GraphFixture {

    static final String PASSWORD = "Passw0rd!x";
    static final String AZURE_CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
    static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

    /** Microsoft Graph's application id, the same in every directory. */
    static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunningServer server;

    GraphFixture(RunningServer server) {
        this.server = server;
    }

    CreatedDirectory directory(String prefix) {
        return server.app()
                .services()
                .tenants()
                .createDirectory(prefix + " Ltd", "US", prefix, NewUser.of("Kelley Wall", "admin", PASSWORD));
    }

    User user(CreatedDirectory directory, String displayName, String alias) {
        return server.app()
                .services()
                .users()
                .createUser(Caller.system(), directory.tenant().id(), NewUser.of(displayName, alias, PASSWORD));
    }

    /** A delegated Graph token for {@code user}, from the password grant as the Azure CLI asks for it. */
    String token(User user) {
        String form = "grant_type=password&client_id=" + AZURE_CLI + "&scope=" + encode(GRAPH_SCOPE) + "&username="
                + encode(user.userPrincipalName()) + "&password=" + encode(PASSWORD);
        HttpResponse<String> response = server.postForm("/" + user.tenantId() + "/oauth2/v2.0/token", form);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request failed: " + response.statusCode() + " " + response.body());
        }
        return json(response).get("access_token").asText();
    }

    /** An app-only Graph token from client credentials. */
    String appToken(CreatedDirectory directory, String appId, String secret) {
        String form = "grant_type=client_credentials&client_id=" + appId + "&client_secret=" + encode(secret)
                + "&scope=" + encode(GRAPH_SCOPE);
        HttpResponse<String> response = server.postForm("/" + directory.tenant().id() + "/oauth2/v2.0/token", form);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request failed: " + response.statusCode() + " " + response.body());
        }
        return json(response).get("access_token").asText();
    }

    /** An app registered for a test, with a client secret and a service principal. */
    record App(String objectId, String appId, String secret, String spId) {}

    /** Registers an application with a secret and its service principal, through Graph as {@code adminToken}. */
    App registerApp(String adminToken, String name) {
        HttpResponse<String> created = post("/v1.0/applications", "{\"displayName\":\"" + name + "\"}", adminToken);
        assertThat(created.statusCode()).isEqualTo(201);
        String objectId = json(created).get("id").asText();
        String appId = json(created).get("appId").asText();
        JsonNode password = json(post(
                "/v1.0/applications/" + objectId + "/addPassword",
                "{\"passwordCredential\":{\"displayName\":\"ci\",\"endDateTime\":\"2099-01-01T00:00:00Z\"}}",
                adminToken));
        assertThat(password.get("keyId").asText()).isNotBlank();
        HttpResponse<String> sp = post("/v1.0/servicePrincipals", "{\"appId\":\"" + appId + "\"}", adminToken);
        assertThat(sp.statusCode()).isEqualTo(201);
        return new App(
                objectId,
                appId,
                password.get("secretText").asText(),
                json(sp).get("id").asText());
    }

    /** The object id of Microsoft Graph's service principal in the token's directory. */
    String graphServicePrincipalId(String token) {
        return json(get("/v1.0/servicePrincipals?$filter=" + encode("appId eq '" + GRAPH_APP_ID + "'"), token))
                .at("/value/0/id")
                .asText();
    }

    /** The body of an app role assignment granting {@code permission} of Graph ({@code resourceId}). */
    static String grantBody(String principalId, String resourceId, GraphPermission permission) {
        return "{\"principalId\":\"" + principalId + "\",\"resourceId\":\"" + resourceId + "\",\"appRoleId\":\""
                + permission.id() + "\"}";
    }

    /** Grants {@code app} the Graph application permissions, as a Global Administrator's {@code adminToken}. */
    void grant(App app, String adminToken, GraphPermission... permissions) {
        String graphSp = graphServicePrincipalId(adminToken);
        for (GraphPermission permission : permissions) {
            HttpResponse<String> granted = post(
                    "/v1.0/servicePrincipals/" + app.spId() + "/appRoleAssignments",
                    grantBody(app.spId(), graphSp, permission),
                    adminToken);
            assertThat(granted.statusCode()).isEqualTo(201);
        }
    }

    HttpResponse<String> get(String pathOrUrl, String token) {
        return server.send(builder(pathOrUrl, token).GET().build());
    }

    HttpResponse<String> post(String path, String body, String token) {
        return server.send(builder(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    HttpResponse<String> patch(String path, String body, String token) {
        return server.send(builder(path, token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    HttpResponse<String> delete(String path, String token) {
        return server.send(builder(path, token).DELETE().build());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder builder(String pathOrUrl, String token) {
        HttpRequest.Builder builder = pathOrUrl.startsWith("https://")
                ? HttpRequest.newBuilder(URI.create(pathOrUrl))
                : server.request(pathOrUrl);
        return builder.header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }
}
