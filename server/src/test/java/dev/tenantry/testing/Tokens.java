package dev.tenantry.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Gets real access tokens from the running server's token endpoint, as a client would. */
public final class Tokens {

    public static final String AZURE_CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
    public static final String MANAGEMENT = "https://management.core.windows.net//.default";
    public static final String GRAPH = "https://graph.microsoft.com/.default";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Tokens() {}

    /** A delegated access token for {@code scope}, by the password grant of the Azure CLI client. */
    public static String password(RunningServer server, String userName, String password, String scope) {
        return passwordAt(server, "organizations", userName, password, scope);
    }

    /**
     * The same at {@code authority}'s token endpoint (a tenant id, {@code organizations} or {@code common}): at another
     * directory's authority a guest gets the guest object's token there.
     */
    public static String passwordAt(
            RunningServer server, String authority, String userName, String password, String scope) {
        HttpResponse<String> response = server.postForm(
                "/" + authority + "/oauth2/v2.0/token",
                "grant_type=password&client_id=" + AZURE_CLI + "&username=" + encode(userName) + "&password="
                        + encode(password) + "&scope=" + encode(scope + " openid profile offline_access"));
        return field(response, "access_token");
    }

    /** An app-only access token for {@code scope}, by the client credentials grant. */
    public static String clientCredentials(
            RunningServer server, String tenantId, String clientId, String secret, String scope) {
        HttpResponse<String> response = server.postForm(
                "/" + tenantId + "/oauth2/v2.0/token",
                "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + encode(secret) + "&scope="
                        + encode(scope));
        return field(response, "access_token");
    }

    private static String field(HttpResponse<String> response, String name) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request failed: " + response.statusCode() + " " + response.body());
        }
        try {
            JsonNode json = JSON.readTree(response.body());
            return json.get(name).asText();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
