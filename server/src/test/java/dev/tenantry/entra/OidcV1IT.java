package dev.tenantry.entra;

import static dev.tenantry.testing.SignInFlow.form;
import static dev.tenantry.testing.SignInFlow.location;
import static dev.tenantry.testing.SignInFlow.query;
import static dev.tenantry.testing.SignInFlow.signInAndReturn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.GraphPermission;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.directory.apps.RedirectUris;
import dev.tenantry.directory.apps.ServicePrincipal;
import dev.tenantry.shared.Caller;
import dev.tenantry.testing.CookieClient;
import dev.tenantry.testing.RunningServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The v1.0 token and authorization endpoints and discovery document older libraries call (issue 11), over HTTPS. */
class OidcV1IT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "Passw0rd!x";
    static final String AZURE_CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
    static final String ARM = "https://management.core.windows.net/";
    static final String GRAPH = "https://graph.microsoft.com";
    static final String WEB = "https://app.contoso.example/signin-oidc";
    static final String NATIVE = "http://localhost";

    static CreatedDirectory contoso;
    static Application web;
    static Application desktop;
    static String webSecret;
    static String daemonId;
    static String daemonSecret;

    @BeforeAll
    static void directory() {
        var services = server.app().services();
        contoso = services.tenants()
                .createDirectory("Contoso", "US", "contosov1", NewUser.of("Kelley Wall", "admin", PASSWORD));
        ApplicationService applications = services.applications();
        Caller admin = Caller.system();
        var tenantId = contoso.tenant().id();
        web = applications.createApplication(admin, tenantId, "Contoso Web");
        webSecret =
                applications.addPassword(admin, tenantId, web.id(), "t", null).secretText();
        services.redirectUris()
                .setRedirectUris(admin, tenantId, web.id(), Map.of(RedirectUris.Platform.WEB, List.of(WEB)));
        desktop = applications.createApplication(admin, tenantId, "Contoso Desktop");
        services.redirectUris()
                .setRedirectUris(
                        admin, tenantId, desktop.id(), Map.of(RedirectUris.Platform.PUBLIC_CLIENT, List.of(NATIVE)));
        Application daemon = applications.createApplication(admin, tenantId, "Contoso Daemon");
        daemonId = daemon.appId().toString();
        daemonSecret = applications
                .addPassword(admin, tenantId, daemon.id(), "t", null)
                .secretText();
        ServicePrincipal sp = applications.createServicePrincipal(admin, tenantId, daemon.appId());
        ServicePrincipal graph = applications
                .findServicePrincipalByAppId(tenantId, ApplicationService.MICROSOFT_GRAPH_APP_ID)
                .orElseThrow();
        applications.grantAppRole(admin, tenantId, sp.id(), graph.id(), GraphPermission.USER_READ_ALL.id());
    }

    static String tid() {
        return contoso.tenant().id().toString();
    }

    static HttpResponse<String> token(Map<String, String> form) {
        return server.postForm("/" + tid() + "/oauth2/token", form(form));
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    static JWTClaimsSet claims(String jwt) throws Exception {
        return SignedJWT.parse(jwt).getJWTClaimsSet();
    }

    static void assertV1Times(JsonNode body) {
        for (String field : List.of("expires_in", "ext_expires_in", "expires_on", "not_before")) {
            assertThat(body.get(field).isTextual()).as(field).isTrue();
        }
        long now = Instant.now().getEpochSecond();
        assertThat(Long.parseLong(body.get("expires_on").asText())).isBetween(now + 3000, now + 3700);
        assertThat(Long.parseLong(body.get("not_before").asText())).isBetween(now - 60, now + 5);
    }

    @Test
    @DisplayName("client credentials with resource=: the v1.0 shape, times as strings, the resource named")
    void clientCredentials() throws Exception {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("grant_type", "client_credentials");
        request.put("client_id", daemonId);
        request.put("client_secret", daemonSecret);
        request.put("resource", GRAPH);
        HttpResponse<String> response = token(request);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("resource").asText()).isEqualTo(GRAPH);
        assertThat(body.has("scope")).isFalse();
        assertThat(body.has("refresh_token")).isFalse();
        assertThat(body.has("id_token")).isFalse();
        assertV1Times(body);
        JWTClaimsSet access = claims(body.get("access_token").asText());
        assertThat(access.getAudience()).containsExactly(GRAPH);
        assertThat(access.getStringListClaim("roles")).contains("User.Read.All");
        HttpResponse<String> users =
                server.get("/v1.0/users?$select=id", body.get("access_token").asText());
        assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
    }

    @Test
    @DisplayName("without resource the v1.0 endpoint refuses client credentials with AADSTS900144")
    void resourceRequired() throws Exception {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("grant_type", "client_credentials");
        request.put("client_id", daemonId);
        request.put("client_secret", daemonSecret);
        HttpResponse<String> response = token(request);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_request");
        assertThat(json(response).get("error_description").asText())
                .startsWith("AADSTS900144:")
                .contains("'resource'");
    }

    @Test
    @DisplayName("password then refresh with resource=ARM: a v1.0 ID token, a refresh token, the resource kept")
    void passwordAndRefresh() throws Exception {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("grant_type", "password");
        request.put("client_id", AZURE_CLI);
        request.put("username", contoso.admin().userPrincipalName());
        request.put("password", PASSWORD);
        request.put("resource", ARM);
        HttpResponse<String> response = token(request);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("resource").asText()).isEqualTo(ARM);
        assertV1Times(body);
        assertThat(claims(body.get("access_token").asText()).getAudience()).containsExactly(ARM);
        JWTClaimsSet id = claims(body.get("id_token").asText());
        assertThat(id.getIssuer()).isEqualTo(server.baseUrl() + "/" + tid() + "/");
        assertThat(id.getStringClaim("ver")).isEqualTo("1.0");
        assertThat(id.getAudience()).containsExactly(AZURE_CLI);
        assertThat(id.getStringClaim("upn")).isEqualTo(contoso.admin().userPrincipalName());
        assertThat(id.getStringClaim("unique_name")).isEqualTo(contoso.admin().userPrincipalName());
        assertThat(id.getClaim("preferred_username")).isNull();

        Map<String, String> refresh = new LinkedHashMap<>();
        refresh.put("grant_type", "refresh_token");
        refresh.put("client_id", AZURE_CLI);
        refresh.put("refresh_token", body.get("refresh_token").asText());
        HttpResponse<String> refreshed = token(refresh);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(json(refreshed).get("resource").asText()).isEqualTo("https://management.core.windows.net/");
        assertThat(json(refreshed).get("expires_in").isTextual()).isTrue();
    }

    @Test
    @DisplayName("a web app signs in through GET /oauth2/authorize?resource= and redeems the code at /oauth2/token")
    void authorizationCode() throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", web.appId().toString());
        params.put("response_type", "code");
        params.put("redirect_uri", WEB);
        params.put("resource", GRAPH);
        params.put("state", "s1");
        CookieClient browser = new CookieClient(server);
        String v2 = location(browser.get("/" + tid() + "/oauth2/authorize?" + form(params)));
        assertThat(v2).startsWith("/" + tid() + "/oauth2/v2.0/authorize?");
        assertThat(query(v2))
                .containsEntry("scope", GRAPH + "/.default openid profile offline_access")
                .containsEntry("client_id", web.appId().toString())
                .containsEntry("redirect_uri", WEB)
                .doesNotContainKey("resource");
        Map<String, String> answer =
                query(location(signInAndReturn(browser, v2, contoso.admin().userPrincipalName(), PASSWORD)));
        assertThat(answer).containsEntry("state", "s1").containsKey("code");

        Map<String, String> redeem = new LinkedHashMap<>();
        redeem.put("grant_type", "authorization_code");
        redeem.put("client_id", web.appId().toString());
        redeem.put("client_secret", webSecret);
        redeem.put("code", answer.get("code"));
        redeem.put("redirect_uri", WEB);
        redeem.put("resource", GRAPH);
        HttpResponse<String> response = token(redeem);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("resource").asText()).isEqualTo(GRAPH);
        assertThat(body.has("refresh_token")).isTrue();
        JWTClaimsSet id = claims(body.get("id_token").asText());
        assertThat(id.getStringClaim("ver")).isEqualTo("1.0");
        assertThat(id.getAudience()).containsExactly(web.appId().toString());
    }

    @Test
    @DisplayName("issue 11: a public client cannot skip PKCE through GET /oauth2/authorize: the v2.0 endpoint it"
            + " lands on refuses it with AADSTS9002325 (and plain with AADSTS50158), as it refuses a v2.0 request")
    void publicClientNeedsPkceOnV1() throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", desktop.appId().toString());
        params.put("response_type", "code");
        params.put("redirect_uri", NATIVE);
        params.put("resource", GRAPH);
        params.put("state", "s2");
        CookieClient browser = new CookieClient(server);

        Map<String, String> refused = query(throughV1(browser, params));
        params.put("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        params.put("code_challenge_method", "plain");
        Map<String, String> plain = query(throughV1(browser, params));
        params.put("code_challenge_method", "S256");
        String withPkce = throughV1(browser, params);

        assertThat(refused).containsEntry("error", "invalid_request").containsEntry("state", "s2");
        assertThat(refused.get("error_description")).startsWith("AADSTS9002325");
        assertThat(plain).containsEntry("error", "invalid_request");
        assertThat(plain.get("error_description")).startsWith("AADSTS50158");
        assertThat(withPkce).startsWith("/signin?returnUrl=");
    }

    /** Where the v2.0 endpoint sends the browser after the v1.0 endpoint sent it there. */
    static String throughV1(CookieClient browser, Map<String, String> params) {
        return location(browser.get(location(browser.get("/" + tid() + "/oauth2/authorize?" + form(params)))));
    }

    @Test
    @DisplayName("the v1.0 discovery document names the v1.0 endpoints and issuer, and its keys answer")
    void discovery() throws Exception {
        HttpResponse<String> response = server.get("/" + tid() + "/.well-known/openid-configuration");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = json(response);
        assertThat(doc.get("issuer").asText()).isEqualTo(server.baseUrl() + "/" + tid() + "/");
        assertThat(doc.get("token_endpoint").asText()).isEqualTo(server.baseUrl() + "/" + tid() + "/oauth2/token");
        assertThat(doc.get("authorization_endpoint").asText())
                .isEqualTo(server.baseUrl() + "/" + tid() + "/oauth2/authorize");
        HttpResponse<String> keys =
                server.get(URI.create(doc.get("jwks_uri").asText()).getPath());
        assertThat(keys.statusCode()).isEqualTo(200);
        assertThat(json(keys).get("keys").size()).isPositive();
        assertThat(server.get("/common/.well-known/openid-configuration").statusCode())
                .isEqualTo(200);
        HttpResponse<String> unknown = server.get("/nosuch.example/.well-known/openid-configuration");
        assertThat(unknown.statusCode()).isIn(400, 404);
        assertThat(json(unknown).get("error_description").asText()).startsWith("AADSTS");
    }
}
