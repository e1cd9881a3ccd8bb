package dev.tenantry.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Plain HTTPS calls to the server's own API, used to arrange test data (not the compatibility under test). */
public final class ServerApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http;

    /** A JSON answer: the status and the parsed body (a missing node when the body is empty). */
    public record Reply(int status, JsonNode body, String raw) {

        public Reply requireStatus(int expected) {
            if (status != expected) {
                throw new IllegalStateException("expected " + expected + " but got " + status + ": " + raw);
            }
            return this;
        }
    }

    public ServerApi(TenantryProcess server) {
        this.baseUrl = server.baseUrl();
        this.http = HttpClient.newBuilder()
                .sslContext(ServerTrust.context())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public Reply postJson(String path, String json, String token) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply putJson(String path, String json, String token) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply patchJson(String path, String json, String token) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Reply postForm(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path, null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A delegated access token by the password grant of the Azure CLI client. */
    public String passwordToken(String tenantId, String userName, String password, String scope) {
        Reply reply = postForm(
                "/" + tenantId + "/oauth2/v2.0/token",
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        Clients.AZURE_CLI,
                        "username",
                        userName,
                        "password",
                        password,
                        "scope",
                        scope + " openid profile offline_access"));
        return reply.requireStatus(200).body().get("access_token").asText();
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            return new Reply(response.statusCode(), parse(raw), raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
