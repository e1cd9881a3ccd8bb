package dev.tenantry.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.clients.AppRegistration;
import dev.tenantry.clients.ServerApi;
import dev.tenantry.clients.TenantryProcess;
import dev.tenantry.clients.TestDirectory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 11: {@code spring-boot-starter-oauth2-resource-server} configured only by Tenantry's issuer-uri and an audience
 * accepts Tenantry's access tokens (an app's, by client credentials, and a user's) and refuses a forged one, one
 * signed by another key and one for another audience.
 */
class SpringResourceServerIT {

    private static final String GRAPH = "https://graph.microsoft.com";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Made after TenantryProcess.get(): the JVM's default TLS context must be created with the server's trust. */
    private static HttpClient http;

    private static TestDirectory directory;
    private static ServerApi api;
    private static AppRegistration app;
    private static ConfigurableApplicationContext spring;
    private static String apiUrl;

    @BeforeAll
    static void start() {
        TenantryProcess server = TenantryProcess.get();
        api = new ServerApi(server);
        http = HttpClient.newHttpClient();
        directory = TestDirectory.signUp(api, "springapi");
        app = AppRegistration.tryCreate(api, directory, "spring-api-caller").orElseThrow();
        spring = ApiApp.start(server.baseUrl() + "/" + directory.tenantId() + "/v2.0", GRAPH);
        apiUrl = "http://localhost:"
                + ((WebServerApplicationContext) spring).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (spring != null) {
            spring.close();
        }
    }

    @Test
    @DisplayName("issue 11: an app's client-credentials token and a user's token are accepted by issuer-uri")
    void tenantryTokensAreAccepted() throws Exception {
        HttpResponse<String> asApp = call(appToken());
        assertThat(asApp.statusCode()).isEqualTo(200);
        JsonNode caller = JSON.readTree(asApp.body());
        assertThat(caller.get("tid").asText()).isEqualTo(directory.tenantId());
        assertThat(caller.get("azp").asText()).isEqualTo(app.appId());
        assertThat(caller.get("oid").asText()).isEqualTo(app.servicePrincipalId());

        String userToken = api.passwordToken(
                directory.tenantId(), directory.adminUpn(), TestDirectory.PASSWORD, GRAPH + "/.default");
        HttpResponse<String> asUser = call(userToken);
        assertThat(asUser.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(asUser.body()).get("oid").asText()).isEqualTo(directory.adminObjectId());
    }

    @Test
    @DisplayName("issue 11: a forged, a foreign-signed and another audience's token are refused with 401")
    void otherTokensAreRefused() throws Exception {
        String token = appToken();
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace(app.servicePrincipalId(), directory.adminObjectId());
        String forged = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "." + parts[2];
        assertThat(call(forged).statusCode()).isEqualTo(401);
        assertThat(call(signedByAnotherKey(token)).statusCode()).isEqualTo(401);

        String armToken = api.passwordToken(
                directory.tenantId(),
                directory.adminUpn(),
                TestDirectory.PASSWORD,
                "https://management.core.windows.net//.default");
        HttpResponse<String> otherAudience = call(armToken);
        assertThat(otherAudience.statusCode()).isEqualTo(401);
        assertThat(otherAudience.headers().firstValue("WWW-Authenticate").orElse(""))
                .contains("invalid_token");
    }

    @Test
    @DisplayName("issue 11: an API registered in Tenantry (requestedAccessTokenVersion 2) accepts a token for itself"
            + " by issuer-uri and its app id as audience, and refuses a Graph token")
    void registeredApiAcceptsItsOwnTokens() throws Exception {
        AppRegistration registered =
                AppRegistration.tryCreate(api, directory, "spring-orders-api").orElseThrow();
        String identifierUri = "api://" + registered.appId();
        registered.patch(api, directory, """
                {"identifierUris":["%s"],"api":{"requestedAccessTokenVersion":2}}""".formatted(identifierUri));
        try (ConfigurableApplicationContext orders = ApiApp.start(
                TenantryProcess.get().baseUrl() + "/" + directory.tenantId() + "/v2.0", registered.appId())) {
            String ordersUrl = "http://localhost:"
                    + ((WebServerApplicationContext) orders).getWebServer().getPort();
            HttpResponse<String> accepted = call(ordersUrl, appToken(identifierUri + "/.default"));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
            assertThat(JSON.readTree(accepted.body()).get("azp").asText()).isEqualTo(app.appId());
            assertThat(call(ordersUrl, appToken()).statusCode()).isEqualTo(401);
        }
    }

    /** The same claims and key id, signed by a key Tenantry never published. */
    private static String signedByAnotherKey(String token) throws ParseException, JOSEException {
        SignedJWT original = SignedJWT.parse(token);
        RSAKey other =
                new RSAKeyGenerator(2048).keyID(original.getHeader().getKeyID()).generate();
        SignedJWT copy = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(original.getHeader().getKeyID())
                        .build(),
                original.getJWTClaimsSet());
        copy.sign(new RSASSASigner(other));
        return copy.serialize();
    }

    private static String appToken() {
        return appToken(GRAPH + "/.default");
    }

    private static String appToken(String scope) {
        return api.postForm(
                        "/" + directory.tenantId() + "/oauth2/v2.0/token",
                        Map.of(
                                "grant_type",
                                "client_credentials",
                                "client_id",
                                app.appId(),
                                "client_secret",
                                app.secret(),
                                "scope",
                                scope))
                .requireStatus(200)
                .body()
                .get("access_token")
                .asText();
    }

    private static HttpResponse<String> call(String token) throws IOException, InterruptedException {
        return call(apiUrl, token);
    }

    private static HttpResponse<String> call(String baseUrl, String token) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/caller"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
