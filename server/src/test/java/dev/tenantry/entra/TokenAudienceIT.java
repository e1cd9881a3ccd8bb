package dev.tenantry.entra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.NewUser;
import dev.tenantry.shared.Caller;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.Tls;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 7.1 and 7.7: audiences are fixed per resource, and delegated scopes bound what a user token may do. */
class TokenAudienceIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    static final ObjectMapper JSON = new ObjectMapper();
    static final String AZURE_CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
    static final String NEW_USER = """
            {"accountEnabled":true,"displayName":"Mallory","mailNickname":"mallory%s",
             "userPrincipalName":"mallory%s@audience.onmicrosoft.test",
             "passwordProfile":{"password":"Passw0rd!x"}}""";

    static CreatedDirectory directory;

    @BeforeAll
    static void directory() {
        directory = server.app()
                .services()
                .tenants()
                .createDirectory("Audience", "US", "audience", NewUser.of("Ada Admin", "admin", "Passw0rd!x"));
        server.app()
                .services()
                .users()
                .createUser(Caller.system(), directory.tenant().id(), NewUser.of("Paul Plain", "paul", "Passw0rd!x"));
    }

    static HttpResponse<String> passwordGrant(String username, String scope) {
        String form = "client_id=" + AZURE_CLI + "&grant_type=password&username=" + encode(username) + "&password="
                + encode("Passw0rd!x") + "&scope=" + encode(scope);
        return server.postForm("/organizations/oauth2/v2.0/token", form);
    }

    static String accessToken(String username, String scope) throws IOException {
        HttpResponse<String> response = passwordGrant(username, scope);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    static String admin() {
        return directory.admin().userPrincipalName();
    }

    /** A token signed with the server's own key, as a third-party API holding a user's token would have it. */
    static String signedFor(String audience, String scp) {
        Instant now = Instant.now();
        return server.app()
                .services()
                .signingKeys()
                .sign(new JWTClaimsSet.Builder()
                        .audience(audience)
                        .issuer(server.baseUrl() + "/" + directory.tenant().id() + "/v2.0")
                        .issueTime(Date.from(now))
                        .notBeforeTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(3600)))
                        .claim("tid", directory.tenant().id().toString())
                        .claim("oid", directory.admin().id().toString())
                        .claim("azp", AZURE_CLI)
                        .claim("scp", scp)
                        .build());
    }

    @Test
    @DisplayName("issue 7.1: a token for a resource this server does not serve is refused (AADSTS500011)")
    void unknownResourceIsRefused() throws Exception {
        HttpResponse<String> response = passwordGrant(admin(), "https://api.partner.example/.default");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error").asText()).isEqualTo("invalid_resource");
        assertThat(body.get("error_codes").get(0).asInt()).isEqualTo(500011);
        assertThat(passwordGrant(admin(), server.baseUrl() + "/.default").statusCode())
                .isEqualTo(400);
    }

    @Test
    @DisplayName("issue 7.1: a partner API's token replayed with its own Host header is refused by Graph and ARM")
    void hostHeaderDecidesNoAudience() throws Exception {
        String partner = signedFor("https://api.partner.example", "Directory.AccessAsUser.All User.ReadWrite.All");
        String body = NEW_USER.formatted("1", "1");

        assertThat(rawPost("/v1.0/users", "api.partner.example", partner, body)).contains(" 401 ");
        assertThat(rawGet("/subscriptions?api-version=2022-12-01", "api.partner.example", partner))
                .contains(" 401 ");
    }

    @Test
    @DisplayName("issue 7.1: a token whose audience is the server's own URL works on neither Graph nor ARM")
    void ownBaseUrlIsNotAGraphAudience() {
        String own = signedFor(server.baseUrl(), "Directory.AccessAsUser.All");

        assertThat(server.get("/v1.0/users", own).statusCode()).isEqualTo(401);
        assertThat(server.get("/subscriptions?api-version=2022-12-01", own).statusCode())
                .isEqualTo(401);
    }

    @Test
    @DisplayName("issue 7.7: a token asked for User.Read reads the user's own profile and cannot create users")
    void userReadTokenReadsOnlyItself() throws Exception {
        String token = accessToken(admin(), "https://graph.microsoft.com/User.Read");

        assertThat(server.get("/v1.0/me", token).statusCode()).isEqualTo(200);
        assertThat(server.get("/v1.0/organization", token).statusCode()).isEqualTo(200);
        assertThat(server.get("/v1.0/users", token).statusCode()).isEqualTo(403);
        HttpResponse<String> create = server.postJson("/v1.0/users", NEW_USER.formatted("2", "2"), token);
        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(create.body()).at("/error/code").asText()).isEqualTo("Authorization_RequestDenied");
        assertThat(JSON.readTree(create.body()).at("/error/message").asText()).contains("User.ReadWrite.All");
    }

    @Test
    @DisplayName("issue 7.7: a plain user is not issued scopes the client was never granted")
    void unconsentedScopesAreNotIssued() throws Exception {
        HttpResponse<String> response = passwordGrant(
                "paul@audience.onmicrosoft.test",
                "https://graph.microsoft.com/Directory.ReadWrite.All RoleManagement.ReadWrite.Directory");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error").asText()).isEqualTo("invalid_grant");
        assertThat(body.get("error_codes").get(0).asInt()).isEqualTo(65001);
    }

    @Test
    @DisplayName("issue 7.7: a plain user's .default token still cannot do what its role does not allow")
    void defaultTokenIsBoundByTheUsersRoles() throws Exception {
        String token = accessToken("paul@audience.onmicrosoft.test", "https://graph.microsoft.com/.default");

        assertThat(server.get("/v1.0/users", token).statusCode()).isEqualTo(200);
        assertThat(server.postJson("/v1.0/users", NEW_USER.formatted("3", "3"), token)
                        .statusCode())
                .isEqualTo(403);
    }

    private static String rawGet(String path, String host, String token) throws IOException {
        return raw("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
                + "\r\nConnection: close\r\n\r\n");
    }

    private static String rawPost(String path, String host, String token, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return raw("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n"
                + json);
    }

    /** The status line of a request sent over TLS as written, so the {@code Host} header can be anything. */
    private static String raw(String request) throws IOException {
        URI base = URI.create(server.baseUrl());
        try (SSLSocket socket = (SSLSocket) Tls.trusting(server.app().certificate())
                .getSocketFactory()
                .createSocket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
