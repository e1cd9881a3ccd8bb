package dev.tenantry.entra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.GraphPermission;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.directory.apps.CreatedSecret;
import dev.tenantry.directory.apps.ServicePrincipal;
import dev.tenantry.identity.ProtectedResource;
import dev.tenantry.shared.Caller;
import dev.tenantry.testing.RunningServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OidcTokenIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    static final ObjectMapper JSON = new ObjectMapper();
    static final String AZURE_CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
    static final String GRAPH_DEFAULT = "https://graph.microsoft.com/.default openid profile offline_access";
    static final String ARM_DEFAULT = "https://management.core.windows.net//.default openid profile offline_access";

    static CreatedDirectory contoso;
    static CreatedDirectory fabrikam;

    @BeforeAll
    static void directories() {
        contoso = server.app()
                .services()
                .tenants()
                .createDirectory("Contoso", "US", "contoso", NewUser.of("Kelley Wall", "admin", "Passw0rd!x"));
        fabrikam = server.app()
                .services()
                .tenants()
                .createDirectory("Fabrikam", "US", "fabrikam", NewUser.of("Fab Admin", "admin", "Passw0rd!y"));
    }

    static String tid() {
        return contoso.tenant().id().toString();
    }

    static String upn() {
        return contoso.admin().userPrincipalName();
    }

    static HttpResponse<String> token(String tenant, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return server.postForm("/" + tenant + "/oauth2/v2.0/token", body);
    }

    static Map<String, String> passwordForm(String username, String password, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", AZURE_CLI);
        form.put("grant_type", "password");
        form.put("username", username);
        form.put("password", password);
        form.put("scope", scope);
        form.put("client_info", "1");
        return form;
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    static JWTClaimsSet claims(String jwt) throws Exception {
        return SignedJWT.parse(jwt).getJWTClaimsSet();
    }

    @Test
    void passwordGrantReturnsEveryFieldMsalNeeds() throws Exception {
        HttpResponse<String> response = token(tid(), passwordForm(upn(), "Passw0rd!x", GRAPH_DEFAULT));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("scope").asText()).isEqualTo(GRAPH_DEFAULT);
        assertThat(body.get("expires_in").isNumber()).isTrue();
        assertThat(body.get("expires_in").asLong()).isBetween(3500L, 3600L);
        assertThat(body.get("refresh_token").asText()).hasSizeGreaterThanOrEqualTo(43);
        String oid = contoso.admin().id().toString();
        String clientInfo =
                new String(Base64.getUrlDecoder().decode(body.get("client_info").asText()), StandardCharsets.UTF_8);
        assertThat(JSON.readTree(clientInfo).get("uid").asText()).isEqualTo(oid);
        assertThat(JSON.readTree(clientInfo).get("utid").asText()).isEqualTo(tid());
        JWTClaimsSet access = claims(body.get("access_token").asText());
        assertThat(access.getAudience()).containsExactly("https://graph.microsoft.com");
        assertThat(access.getIssuer()).isEqualTo(server.baseUrl() + "/" + tid() + "/v2.0");
        assertThat(access.getStringClaim("tid")).isEqualTo(tid());
        assertThat(access.getStringClaim("oid")).isEqualTo(oid);
        assertThat(access.getStringClaim("azp")).isEqualTo(AZURE_CLI);
        assertThat(access.getStringClaim("ver")).isEqualTo("2.0");
        assertThat(access.getStringClaim("scp")).contains("Directory.AccessAsUser.All");
        assertThat(access.getStringListClaim("wids")).contains("62e90394-69f5-4237-9190-012177145e10");
        assertThat(access.getStringClaim("upn")).isEqualTo(upn());
        assertThat(access.getStringClaim("uti")).isNotBlank();
        assertThat(access.getJWTID()).isNotBlank();
        JWTClaimsSet id = claims(body.get("id_token").asText());
        String idPayload =
                SignedJWT.parse(body.get("id_token").asText()).getPayload().toString();
        assertThat(idPayload).contains("\"aud\":\"" + AZURE_CLI + "\"");
        assertThat(id.getAudience()).containsExactly(AZURE_CLI);
        assertThat(id.getStringClaim("preferred_username")).isEqualTo(upn());
        assertThat(id.getStringClaim("oid")).isEqualTo(oid);
    }

    @Test
    void everyTokenIsUnique() throws Exception {
        String first = json(token(tid(), passwordForm(upn(), "Passw0rd!x", GRAPH_DEFAULT)))
                .get("access_token")
                .asText();
        String second = json(token(tid(), passwordForm(upn(), "Passw0rd!x", GRAPH_DEFAULT)))
                .get("access_token")
                .asText();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void domainAndCommonAuthoritiesWorkAndArmScopeGivesArmAudience() throws Exception {
        HttpResponse<String> byDomain =
                token("CONTOSO.onmicrosoft.test", passwordForm(upn(), "Passw0rd!x", ARM_DEFAULT));
        HttpResponse<String> byCommon = token("organizations", passwordForm(upn(), "Passw0rd!x", ARM_DEFAULT));

        assertThat(byDomain.statusCode()).isEqualTo(200);
        assertThat(byCommon.statusCode()).isEqualTo(200);
        JWTClaimsSet access = claims(json(byCommon).get("access_token").asText());
        assertThat(access.getAudience()).containsExactly("https://management.core.windows.net/");
        assertThat(access.getStringClaim("scp")).isEqualTo("user_impersonation");
        assertThat(access.getStringClaim("tid")).isEqualTo(tid());
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() throws Exception {
        HttpResponse<String> wrongPassword = token(tid(), passwordForm(upn(), "nope", GRAPH_DEFAULT));
        HttpResponse<String> unknownUser =
                token(tid(), passwordForm("ghost@contoso.onmicrosoft.test", "nope", GRAPH_DEFAULT));
        HttpResponse<String> otherTenant =
                token(tid(), passwordForm(fabrikam.admin().userPrincipalName(), "Passw0rd!y", GRAPH_DEFAULT));

        for (HttpResponse<String> response : java.util.List.of(wrongPassword, unknownUser, otherTenant)) {
            assertThat(response.statusCode()).isEqualTo(400);
            JsonNode body = json(response);
            assertThat(body.get("error").asText()).isEqualTo("invalid_grant");
            assertThat(body.get("error_description").asText())
                    .startsWith("AADSTS50126: ")
                    .contains("Trace ID: ");
            assertThat(body.get("error_codes").get(0).asInt()).isEqualTo(50126);
            assertThat(body.has("timestamp") && body.has("trace_id") && body.has("correlation_id"))
                    .isTrue();
        }
    }

    @Test
    void refreshRotatesAndReplayRevokesTheFamily() throws Exception {
        String first = json(token(tid(), passwordForm(upn(), "Passw0rd!x", GRAPH_DEFAULT)))
                .get("refresh_token")
                .asText();

        HttpResponse<String> rotated = token(tid(), refreshForm(first, GRAPH_DEFAULT));
        String second = json(rotated).get("refresh_token").asText();
        HttpResponse<String> replay = token(tid(), refreshForm(first, GRAPH_DEFAULT));
        HttpResponse<String> afterReplay = token(tid(), refreshForm(second, GRAPH_DEFAULT));

        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(second).isNotEqualTo(first);
        assertThat(json(rotated).has("id_token")).isTrue();
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(json(replay).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(afterReplay.statusCode()).isEqualTo(400);
        assertThat(json(afterReplay).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void refreshTokenForGraphRedeemsForArmAndBack() throws Exception {
        String graph = json(token(tid(), passwordForm(upn(), "Passw0rd!x", GRAPH_DEFAULT)))
                .get("refresh_token")
                .asText();

        JsonNode arm = json(token(tid(), refreshForm(graph, ARM_DEFAULT)));
        JsonNode back = json(token(tid(), refreshForm(arm.get("refresh_token").asText(), GRAPH_DEFAULT)));

        assertThat(claims(arm.get("access_token").asText()).getAudience())
                .containsExactly("https://management.core.windows.net/");
        assertThat(arm.get("scope").asText()).isEqualTo(ARM_DEFAULT);
        assertThat(claims(back.get("access_token").asText()).getAudience())
                .containsExactly("https://graph.microsoft.com");
    }

    @Test
    void refreshTokenOfAnotherClientIsRefused() throws Exception {
        String refresh = json(token(tid(), passwordForm(upn(), "Passw0rd!x", GRAPH_DEFAULT)))
                .get("refresh_token")
                .asText();
        Map<String, String> form = refreshForm(refresh, GRAPH_DEFAULT);
        form.put("client_id", "1950a258-227b-4e31-a9cf-717495945fc2");

        HttpResponse<String> response = token(tid(), form);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void clientCredentialsCarryGrantedRolesAndNoUserTokens() throws Exception {
        Registered app = register("Reporting", GraphPermission.USER_READ_ALL);

        HttpResponse<String> response =
                token(tid(), clientForm(app, app.secret().secretText(), GRAPH_DEFAULT));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.has("refresh_token")).isFalse();
        assertThat(body.has("id_token")).isFalse();
        assertThat(body.has("client_info")).isFalse();
        JWTClaimsSet access = claims(body.get("access_token").asText());
        assertThat(access.getStringListClaim("roles")).containsExactly("User.Read.All");
        assertThat(access.getStringClaim("idtyp")).isEqualTo("app");
        assertThat(access.getStringClaim("oid"))
                .isEqualTo(app.servicePrincipal().id().toString());
        assertThat(access.getStringClaim("azp")).isEqualTo(app.appId());
        Caller caller = server.app()
                .services()
                .tokenVerifier()
                .verify(body.get("access_token").asText(), ProtectedResource.GRAPH);
        assertThat(caller)
                .isEqualTo(new Caller.App(
                        contoso.tenant().id(),
                        app.servicePrincipal().id(),
                        UUID.fromString(app.appId()),
                        Set.of("User.Read.All")));
    }

    @Test
    void wrongSecretIsInvalidClient401() throws Exception {
        Registered app = register("Wrong secret", GraphPermission.USER_READ_ALL);

        HttpResponse<String> response = token(tid(), clientForm(app, "not-the-secret", GRAPH_DEFAULT));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_client");
        assertThat(json(response).get("error_description").asText()).startsWith("AADSTS7000215: ");
    }

    @Test
    void unknownClientIsUnauthorizedClient() throws Exception {
        Map<String, String> form = passwordForm(upn(), "Passw0rd!x", GRAPH_DEFAULT);
        form.put("client_id", UUID.randomUUID().toString());

        HttpResponse<String> response = token(tid(), form);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("unauthorized_client");
        assertThat(json(response).get("error_description").asText()).startsWith("AADSTS700016: ");
    }

    @Test
    void unknownTenantIsInvalidTenant() throws Exception {
        HttpResponse<String> response = token("nowhere.example", passwordForm(upn(), "Passw0rd!x", GRAPH_DEFAULT));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_tenant");
        assertThat(json(response).get("error_description").asText()).startsWith("AADSTS90002: ");
    }

    @Test
    void deviceCodeGrantNeedsTheDeviceCode() throws Exception {
        // issue 11: the grant exists (DeviceCodeIT); without device_code it is an invalid request
        Map<String, String> form = new LinkedHashMap<>(Map.of("client_id", AZURE_CLI, "grant_type", "device_code"));

        HttpResponse<String> response = token(tid(), form);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_request");
        assertThat(json(response).get("error_description").asText()).contains("device_code");
    }

    record Registered(String appId, CreatedSecret secret, ServicePrincipal servicePrincipal) {}

    static Registered register(String name, GraphPermission permission) {
        ApplicationService applications = server.app().services().applications();
        Caller admin = new Caller.User(contoso.tenant().id(), contoso.admin().id());
        var application = applications.createApplication(admin, contoso.tenant().id(), name);
        CreatedSecret secret = applications.addPassword(admin, contoso.tenant().id(), application.id(), "ci", null);
        ServicePrincipal sp =
                applications.createServicePrincipal(admin, contoso.tenant().id(), application.appId());
        ServicePrincipal graph = applications
                .findServicePrincipalByAppId(contoso.tenant().id(), ApplicationService.MICROSOFT_GRAPH_APP_ID)
                .orElseThrow();
        applications.grantAppRole(admin, contoso.tenant().id(), sp.id(), graph.id(), permission.id());
        return new Registered(application.appId().toString(), secret, sp);
    }

    static Map<String, String> clientForm(Registered app, String secret, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", app.appId());
        form.put("client_secret", secret);
        form.put("grant_type", "client_credentials");
        form.put("scope", scope);
        form.put("client_info", "1");
        return form;
    }

    static Map<String, String> refreshForm(String refreshToken, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", AZURE_CLI);
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("scope", scope);
        form.put("client_info", "1");
        return form;
    }
}
