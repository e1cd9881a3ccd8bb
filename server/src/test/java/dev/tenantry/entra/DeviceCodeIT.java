package dev.tenantry.entra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.NewUser;
import dev.tenantry.testing.CookieClient;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.Tokens;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("issue 11: the device code flow over HTTPS, approved on the verification page")
class DeviceCodeIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SCOPE = "https://graph.microsoft.com/.default openid profile offline_access";

    static CreatedDirectory contoso;

    @BeforeAll
    static void directory() {
        contoso = server.app()
                .services()
                .tenants()
                .createDirectory("Contoso", "US", "contoso", NewUser.of("Kelley Wall", "admin", "Passw0rd!x"));
    }

    static JsonNode start() throws Exception {
        HttpResponse<String> response = server.postForm(
                "/organizations/oauth2/v2.0/devicecode",
                "client_id=" + Tokens.AZURE_CLI + "&scope=" + URLEncoder.encode(SCOPE, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static HttpResponse<String> poll(String deviceCode) {
        return server.postForm(
                "/organizations/oauth2/v2.0/token",
                "grant_type=device_code&client_id=" + Tokens.AZURE_CLI + "&client_info=1&device_code="
                        + URLEncoder.encode(deviceCode, StandardCharsets.UTF_8) + "&scope="
                        + URLEncoder.encode(SCOPE, StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("issue 11: devicecode answers numbers and the message; polls are pending until the page approves")
    void approveOnThePage() throws Exception {
        JsonNode started = start();
        assertThat(started.get("expires_in").isNumber()).isTrue();
        assertThat(started.get("interval").asInt()).isEqualTo(5);
        assertThat(started.get("verification_uri").asText()).isEqualTo(server.baseUrl() + "/devicelogin");
        String deviceCode = started.get("device_code").asText();
        String userCode = started.get("user_code").asText();

        HttpResponse<String> pending = poll(deviceCode);
        assertThat(pending.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(pending.body());
        assertThat(error.get("error").asText()).isEqualTo("authorization_pending");
        assertThat(error.get("error_description").asText()).startsWith("AADSTS70016:");

        CookieClient browser = new CookieClient(server);
        HttpResponse<String> signInFirst = browser.get("/devicelogin");
        assertThat(signInFirst.statusCode()).isEqualTo(302);
        assertThat(signInFirst.headers().firstValue("Location").orElseThrow()).startsWith("/signin?returnUrl=");
        browser.signIn(contoso.admin().userPrincipalName(), "Passw0rd!x", "/devicelogin");
        HttpResponse<String> wrong = browser.post("/devicelogin", "otc", "BBBBBBBB");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(CookieClient.textOf(wrong.body(), "devicelogin-error")).contains("didn't work");
        HttpResponse<String> confirm = browser.post("/devicelogin", "otc", userCode);
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);
        assertThat(CookieClient.textOf(confirm.body(), "devicelogin-app")).isEqualTo("Microsoft Azure CLI");
        HttpResponse<String> done =
                browser.postFrom("/devicelogin", "/devicelogin/decide", "otc", userCode, "decision", "approve");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("You have signed in to the Microsoft Azure CLI application");

        Thread.sleep(2600);
        HttpResponse<String> tokens = poll(deviceCode);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(tokens.body());
        assertThat(body.get("access_token").asText()).isNotBlank();
        assertThat(body.get("refresh_token").asText()).isNotBlank();
        assertThat(body.get("client_info").asText()).isNotBlank();
    }

    @Test
    @DisplayName("issue 11: a declined code is authorization_declined; an unknown one bad_verification_code")
    void declineAndUnknown() throws Exception {
        JsonNode started = start();
        CookieClient browser = new CookieClient(server);
        browser.signIn(contoso.admin().userPrincipalName(), "Passw0rd!x", "/devicelogin");
        browser.postFrom(
                "/devicelogin",
                "/devicelogin/decide",
                "otc",
                started.get("user_code").asText(),
                "decision",
                "decline");

        HttpResponse<String> declined = poll(started.get("device_code").asText());
        assertThat(JSON.readTree(declined.body()).get("error").asText()).isEqualTo("authorization_declined");
        HttpResponse<String> unknown = poll("nope");
        assertThat(JSON.readTree(unknown.body()).get("error").asText()).isEqualTo("bad_verification_code");
    }

    @Test
    @DisplayName("issue 11: a devicecode request without Content-Type (azure-identity's) is read as a form")
    void devicecodeWithoutContentType() throws Exception {
        HttpResponse<String> response = server.send(server.request("/organizations/oauth2/v2.0/devicecode")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "client_id=" + Tokens.AZURE_CLI + "&scope=" + URLEncoder.encode(SCOPE, StandardCharsets.UTF_8)))
                .build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("user_code").asText()).hasSize(8);
    }

    @Test
    @DisplayName("issue 11: the verification page's posts need the CSRF token")
    void csrfIsChecked() throws Exception {
        JsonNode started = start();
        CookieClient browser = new CookieClient(server);
        browser.signIn(contoso.admin().userPrincipalName(), "Passw0rd!x", "/devicelogin");

        HttpResponse<String> forged = browser.post(
                "/devicelogin/decide",
                java.util.Map.of("otc", started.get("user_code").asText(), "decision", "approve"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(poll(started.get("device_code").asText()).body())
                        .get("error")
                        .asText())
                .isEqualTo("authorization_pending");
    }
}
