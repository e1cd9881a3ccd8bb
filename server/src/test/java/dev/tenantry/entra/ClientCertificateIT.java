package dev.tenantry.entra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.NewUser;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.TestCertificate;
import dev.tenantry.testing.Tokens;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("issue 11: certificates on applications over HTTPS: Graph keyCredentials and client assertions")
class ClientCertificateIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    static final ObjectMapper JSON = new ObjectMapper();
    static TestCertificate certificate;

    static CreatedDirectory contoso;
    static String admin;
    static String objectId;
    static String appId;

    @BeforeAll
    static void daemonWithACertificate() throws Exception {
        certificate = TestCertificate.validAround(Instant.now());
        contoso = server.app()
                .services()
                .tenants()
                .createDirectory("Contoso", "US", "contoso", NewUser.of("Kelley Wall", "admin", "Passw0rd!x"));
        admin = Tokens.password(server, contoso.admin().userPrincipalName(), "Passw0rd!x", Tokens.GRAPH);
        JsonNode app = JSON.readTree(server.postJson("/v1.0/applications", "{\"displayName\":\"Daemon\"}", admin)
                .body());
        objectId = app.get("id").asText();
        appId = app.get("appId").asText();
        server.postJson("/v1.0/servicePrincipals", "{\"appId\":\"" + appId + "\"}", admin);
        HttpResponse<String> patch = server.send(server.request("/v1.0/applications/" + objectId)
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .method(
                        "PATCH",
                        HttpRequest.BodyPublishers.ofString("{\"keyCredentials\":[{\"type\":\"AsymmetricX509Cert\","
                                + "\"usage\":\"Verify\",\"displayName\":\"CN=daemon\",\"key\":\""
                                + certificate.base64Der() + "\"}]}"))
                .build());
        assertThat(patch.statusCode()).as(patch.body()).isEqualTo(204);
    }

    static String tokenEndpoint() {
        return server.baseUrl() + "/" + contoso.tenant().id() + "/oauth2/v2.0/token";
    }

    static HttpResponse<String> token(String assertion) {
        return server.postForm(
                "/" + contoso.tenant().id() + "/oauth2/v2.0/token",
                "grant_type=client_credentials&client_id=" + appId
                        + "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"
                        + "&client_assertion=" + URLEncoder.encode(assertion, StandardCharsets.UTF_8)
                        + "&scope=" + URLEncoder.encode(Tokens.GRAPH, StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("issue 11: GET /applications/{id} shows the certificate in Graph's keyCredential shape")
    void graphShowsTheKeyCredential() throws Exception {
        JsonNode key = JSON.readTree(
                        server.get("/v1.0/applications/" + objectId, admin).body())
                .get("keyCredentials")
                .get(0);

        assertThat(key.get("type").asText()).isEqualTo("AsymmetricX509Cert");
        assertThat(key.get("usage").asText()).isEqualTo("Verify");
        assertThat(key.get("displayName").asText()).isEqualTo("CN=daemon");
        assertThat(key.get("customKeyIdentifier").asText()).matches("[0-9A-F]{40}");
        assertThat(key.get("key").isNull()).isTrue();
        assertThat(Instant.parse(key.get("endDateTime").asText()))
                .isEqualTo(certificate.certificate().getNotAfter().toInstant());
    }

    @Test
    @DisplayName("issue 11: a signed assertion gets a token once; its replay is refused with AADSTS50013")
    void assertionGetsATokenAndItsReplayIsRefused() throws Exception {
        String assertion = certificate.assertion(appId, tokenEndpoint(), Instant.now());

        HttpResponse<String> first = token(assertion);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).get("access_token").asText()).isNotBlank();

        HttpResponse<String> replay = token(assertion);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(replay.body()).get("error").asText()).isEqualTo("invalid_client");
        assertThat(replay.body()).contains("AADSTS50013");
    }

    @Test
    @DisplayName("issue 11: a wrong audience is AADSTS700023, an unknown certificate AADSTS700027")
    void refusalsCarryEntrasNumbers() {
        HttpResponse<String> audience = token(certificate.assertion(
                appId, "https://login.microsoftonline.com/common/oauth2/v2.0/token", Instant.now()));
        assertThat(audience.statusCode()).isEqualTo(401);
        assertThat(audience.body()).contains("AADSTS700023");

        TestCertificate other = TestCertificate.validAround(Instant.now());
        HttpResponse<String> unknown = token(other.assertion(appId, tokenEndpoint(), Instant.now()));
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).contains("AADSTS700027");
    }

    @Test
    @DisplayName("issue 11: a secret and an assertion together are an invalid request")
    void secretAndAssertionTogetherAreRefused() {
        HttpResponse<String> both = server.postForm(
                "/" + contoso.tenant().id() + "/oauth2/v2.0/token",
                "grant_type=client_credentials&client_id=" + appId + "&client_secret=x"
                        + "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"
                        + "&client_assertion=" + certificate.assertion(appId, tokenEndpoint(), Instant.now())
                        + "&scope=" + URLEncoder.encode(Tokens.GRAPH, StandardCharsets.UTF_8));

        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(both.body()).contains("invalid_request");
    }

    @Test
    @DisplayName("issue 11: addKey without a proof is a 400 that says to PATCH keyCredentials or send a proof")
    void addKeyWithoutProofIsRefused() {
        TestCertificate second = TestCertificate.validAround(Instant.now());
        HttpResponse<String> response = server.postJson(
                "/v1.0/applications/" + objectId + "/addKey",
                "{\"keyCredential\":{\"type\":\"AsymmetricX509Cert\",\"usage\":\"Verify\",\"key\":\""
                        + second.base64Der() + "\"},\"passwordCredential\":null,\"proof\":\"\"}",
                admin);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("proof");
    }
}
