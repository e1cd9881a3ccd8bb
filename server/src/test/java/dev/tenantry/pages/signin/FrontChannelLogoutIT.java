package dev.tenantry.pages.signin;

import static dev.tenantry.testing.SignInFlow.code;
import static dev.tenantry.testing.SignInFlow.form;
import static dev.tenantry.testing.SignInFlow.location;
import static dev.tenantry.testing.SignInFlow.query;
import static dev.tenantry.testing.SignInFlow.s256;
import static dev.tenantry.testing.SignInFlow.signInAndReturn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.RedirectUris;
import dev.tenantry.shared.Caller;
import dev.tenantry.testing.CookieClient;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.Tokens;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Front-channel logout (issue 11): Graph's web.logoutUrl, and the sign-out page that loads it in iframes. */
class FrontChannelLogoutIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "Passw0rd!x";
    static final String VERIFIER = "front-channel-logout-verifier-0123456789abcdef";
    static final String WEB_A = "https://a.contoso.example/signin-oidc";
    static final String WEB_B = "https://b.contoso.example/signin-oidc";
    static final String WEB_C = "https://c.contoso.example/signin-oidc";

    static CreatedDirectory contoso;
    static Application a;
    static Application b;
    static Application c;
    static String adminToken;

    @BeforeAll
    static void directory() {
        var services = server.app().services();
        contoso = services.tenants()
                .createDirectory("Contoso", "US", "contosofcl", NewUser.of("Kelley Wall", "admin", PASSWORD));
        a = app("App A", WEB_A);
        b = app("App B", WEB_B);
        c = app("App C", WEB_C);
        adminToken = Tokens.password(server, contoso.admin().userPrincipalName(), PASSWORD, Tokens.GRAPH);
    }

    static Application app(String name, String redirectUri) {
        var services = server.app().services();
        Application app = services.applications()
                .createApplication(Caller.system(), contoso.tenant().id(), name);
        services.redirectUris()
                .setRedirectUris(
                        Caller.system(),
                        contoso.tenant().id(),
                        app.id(),
                        Map.of(RedirectUris.Platform.WEB, List.of(redirectUri)));
        return app;
    }

    static String tid() {
        return contoso.tenant().id().toString();
    }

    static HttpResponse<String> patch(Application app, String body) {
        return server.send(server.request("/v1.0/applications/" + app.id())
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    static JsonNode web(Application app) throws Exception {
        HttpResponse<String> response = server.get("/v1.0/applications/" + app.id(), adminToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("web");
    }

    @Test
    @DisplayName("Graph's web.logoutUrl is set by PATCH, shown by GET, checked (https or http://localhost) and removed")
    void logoutUrlOnApplications() throws Exception {
        Application app = app("Graph Logout", "https://g.contoso.example/cb");
        assertThat(web(app).has("logoutUrl")).isFalse();

        assertThat(patch(app, "{\"web\":{\"logoutUrl\":\"https://g.contoso.example/logout\"}}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(web(app).get("logoutUrl").asText()).isEqualTo("https://g.contoso.example/logout");
        assertThat(web(app).get("redirectUris").get(0).asText()).isEqualTo("https://g.contoso.example/cb");

        HttpResponse<String> plainHttp = patch(app, "{\"web\":{\"logoutUrl\":\"http://g.contoso.example/logout\"}}");
        assertThat(plainHttp.statusCode()).isEqualTo(400);
        assertThat(plainHttp.body()).contains("web.logoutUrl").contains("https");
        assertThat(patch(app, "{\"web\":{\"logoutUrl\":\"/relative\"}}").statusCode())
                .isEqualTo(400);
        assertThat(patch(app, "{\"web\":{\"logoutUrl\":\"http://localhost:5000/signout\"}}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(web(app).get("logoutUrl").asText()).isEqualTo("http://localhost:5000/signout");

        assertThat(patch(app, "{\"web\":{\"logoutUrl\":null}}").statusCode()).isEqualTo(204);
        assertThat(web(app).has("logoutUrl")).isFalse();
    }

    @Test
    @DisplayName(
            "end_session loads the logoutUrl (with sid and iss) of each app the session signed into, framed by CSP")
    void signOutLoadsEachAppsLogoutUrl() throws Exception {
        assertThat(patch(a, "{\"web\":{\"logoutUrl\":\"https://a.contoso.example/signout-oidc\"}}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(patch(c, "{\"web\":{\"logoutUrl\":\"http://localhost:7001/logout?app=c\"}}")
                        .statusCode())
                .isEqualTo(204);
        CookieClient browser = new CookieClient(server);
        String codeA = signIn(browser, a, WEB_A, true);
        signIn(browser, b, WEB_B, false);
        signIn(browser, c, WEB_C, false);

        HttpResponse<String> page = browser.get("/" + tid() + "/oauth2/v2.0/logout?client_id=" + a.appId()
                + "&post_logout_redirect_uri=" + enc(WEB_A) + "&state=s9");

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<String> frames = frames(page.body());
        assertThat(frames).hasSize(2);
        assertThat(frames)
                .anySatisfy(f -> assertThat(f).startsWith("https://a.contoso.example/signout-oidc?sid="))
                .anySatisfy(f -> assertThat(f).startsWith("http://localhost:7001/logout?app=c&sid="));
        String iss = server.baseUrl() + "/" + tid() + "/v2.0";
        Map<String, String> first = query(frames.get(0));
        Map<String, String> second = query(frames.get(1));
        assertThat(first.get("iss")).isEqualTo(iss);
        assertThat(second.get("iss")).isEqualTo(iss);
        assertThat(first.get("sid")).matches("[0-9a-f-]{36}").isEqualTo(second.get("sid"));
        // the ID token of the code the session authorised carries the sid the logout iframes carry (§3)
        assertThat(idTokenSid(a, WEB_A, codeA)).isEqualTo(first.get("sid"));
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'none'").contains("frame-src ");
        String frameSrc = csp.substring(csp.indexOf("frame-src ") + "frame-src ".length());
        assertThat(frameSrc.split(" ")).containsExactlyInAnyOrder("https://a.contoso.example", "http://localhost:7001");
        assertThat(page.body()).contains("data-next=\"" + WEB_A + "?state=s9\"");

        // the session is gone: the next authorization request asks for a sign-in again
        HttpResponse<String> again = browser.get(authorizeUrl(a, WEB_A));
        assertThat(again.headers().firstValue("Location").orElseThrow()).startsWith("/signin?");
        // and a second sign-out of that browser has no app to sign out of
        HttpResponse<String> repeated = browser.get(
                "/" + tid() + "/oauth2/v2.0/logout?client_id=" + a.appId() + "&post_logout_redirect_uri=" + enc(WEB_A));
        assertThat(repeated.statusCode()).isEqualTo(302);
    }

    @Test
    @DisplayName("discovery advertises front-channel logout, and the sid its ID tokens carry")
    void discovery() throws Exception {
        JsonNode doc = JSON.readTree(server.get("/" + tid() + "/v2.0/.well-known/openid-configuration")
                .body());
        assertThat(doc.get("frontchannel_logout_supported").asBoolean()).isTrue();
        assertThat(doc.get("frontchannel_logout_session_supported").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("a session that signed into no app with a logoutUrl signs out by redirect, as before")
    void noFramesWithoutLogoutUrls() {
        CookieClient browser = new CookieClient(server);
        signIn(browser, b, WEB_B, true);
        HttpResponse<String> response = browser.get(
                "/" + tid() + "/oauth2/v2.0/logout?client_id=" + b.appId() + "&post_logout_redirect_uri=" + enc(WEB_B));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).contains(WEB_B);
    }

    static String authorizeUrl(Application app, String redirectUri) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", app.appId().toString());
        params.put("response_type", "code");
        params.put("redirect_uri", redirectUri);
        params.put("scope", "openid profile User.Read");
        params.put("code_challenge", s256(VERIFIER));
        params.put("code_challenge_method", "S256");
        return "/" + tid() + "/oauth2/v2.0/authorize?" + form(params);
    }

    /** The {@code sid} of the ID token the code grant issues for {@code code}. */
    static String idTokenSid(Application app, String redirectUri, String code) throws Exception {
        HttpResponse<String> response = server.postForm(
                "/" + tid() + "/oauth2/v2.0/token",
                "grant_type=authorization_code&client_id=" + app.appId() + "&code=" + enc(code) + "&redirect_uri="
                        + enc(redirectUri) + "&code_verifier=" + VERIFIER);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String idToken = JSON.readTree(response.body()).get("id_token").asText();
        return SignedJWT.parse(idToken).getJWTClaimsSet().getStringClaim("sid");
    }

    /** Runs an authorization request to a code (returned): signing in first when {@code signIn}, else by SSO. */
    static String signIn(CookieClient browser, Application app, String redirectUri, boolean signIn) {
        String url = authorizeUrl(app, redirectUri);
        HttpResponse<String> answer = signIn
                ? signInAndReturn(browser, url, contoso.admin().userPrincipalName(), PASSWORD)
                : browser.get(url);
        assertThat(location(answer)).as(answer.body()).startsWith(redirectUri + "?code=");
        return code(answer);
    }

    static List<String> frames(String html) {
        Matcher m = Pattern.compile("<iframe class=\"frontchannel-logout\" src=\"([^\"]+)\"")
                .matcher(html);
        List<String> frames = new ArrayList<>();
        while (m.find()) {
            frames.add(m.group(1).replace("&amp;", "&"));
        }
        return frames;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
