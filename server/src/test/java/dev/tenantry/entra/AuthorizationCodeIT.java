package dev.tenantry.entra;

import static dev.tenantry.testing.SignInFlow.form;
import static dev.tenantry.testing.SignInFlow.location;
import static dev.tenantry.testing.SignInFlow.query;
import static dev.tenantry.testing.SignInFlow.s256;
import static dev.tenantry.testing.SignInFlow.signInAndReturn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.NewUser;
import dev.tenantry.directory.User;
import dev.tenantry.directory.apps.Application;
import dev.tenantry.directory.apps.ExposedApiService;
import dev.tenantry.directory.apps.PermissionScope;
import dev.tenantry.directory.apps.RedirectUris;
import dev.tenantry.identity.AuthorizationCode;
import dev.tenantry.identity.LoginHint;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Secrets;
import dev.tenantry.testing.CookieClient;
import dev.tenantry.testing.RunningServer;
import dev.tenantry.testing.Tokens;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 11: the authorization code flow with PKCE and consent, over HTTPS, every refusal included. */
class AuthorizationCodeIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "Passw0rd!x";
    static final String WEB = "https://app.contoso.example/signin-oidc";
    static final String SPA = "https://spa.contoso.example/";
    static final String NATIVE = "http://localhost";

    static CreatedDirectory contoso;
    static User pete;
    static Application app;
    static String secret;

    @BeforeAll
    static void directory() {
        var services = server.app().services();
        contoso = services.tenants()
                .createDirectory("Contoso", "US", "contosoauth", NewUser.of("Kelley Wall", "admin", PASSWORD));
        pete = services.users()
                .createUser(Caller.system(), contoso.tenant().id(), NewUser.of("Pete Plain", "pete", PASSWORD));
        app = services.applications()
                .createApplication(Caller.system(), contoso.tenant().id(), "Contoso Web");
        secret = services.applications()
                .addPassword(Caller.system(), contoso.tenant().id(), app.id(), "test", null)
                .secretText();
        services.redirectUris()
                .setRedirectUris(
                        Caller.system(),
                        contoso.tenant().id(),
                        app.id(),
                        Map.of(
                                RedirectUris.Platform.WEB, List.of(WEB),
                                RedirectUris.Platform.SPA, List.of(SPA),
                                RedirectUris.Platform.PUBLIC_CLIENT, List.of(NATIVE)));
    }

    static String tid() {
        return contoso.tenant().id().toString();
    }

    static String authorize(String tenant, Map<String, String> params) {
        return "/" + tenant + "/oauth2/v2.0/authorize?" + form(params);
    }

    static Map<String, String> webRequest(String scope) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", app.appId().toString());
        params.put("response_type", "code");
        params.put("redirect_uri", WEB);
        params.put("scope", scope);
        params.put("state", "st-1");
        params.put("nonce", "n-0S6_WzA2Mj");
        return params;
    }

    static HttpResponse<String> token(Map<String, String> form) {
        return server.postForm("/" + tid() + "/oauth2/v2.0/token", form(form));
    }

    static Map<String, String> codeForm(String code, String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", app.appId().toString());
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        return form;
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    static JWTClaimsSet claims(String jwt) throws Exception {
        return SignedJWT.parse(jwt).getJWTClaimsSet();
    }

    static String verifier() {
        return Secrets.random(32);
    }

    @Test
    @DisplayName("a web app signs a user in: code to the registered redirect URI, tokens with nonce, aud and at_hash")
    void webAppSignsIn() throws Exception {
        CookieClient browser = new CookieClient(server);
        String url = authorize(tid(), webRequest("openid profile offline_access User.Read"));
        Map<String, String> answer =
                query(location(signInAndReturn(browser, url, contoso.admin().userPrincipalName(), PASSWORD)));
        assertThat(answer).containsEntry("state", "st-1").containsKey("code");

        Map<String, String> form = codeForm(answer.get("code"), WEB);
        form.put("client_secret", secret);
        form.put("client_info", "1");
        HttpResponse<String> response = token(form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        JWTClaimsSet id = claims(body.get("id_token").asText());
        assertThat(id.getAudience()).containsExactly(app.appId().toString());
        assertThat(id.getStringClaim("nonce")).isEqualTo("n-0S6_WzA2Mj");
        String accessToken = body.get("access_token").asText();
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
        assertThat(id.getStringClaim("at_hash"))
                .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16)));
        assertThat(claims(accessToken).getStringClaim("scp")).isEqualTo("User.Read");
        assertThat(body.has("refresh_token")).isTrue();
        assertThat(body.has("client_info")).isTrue();

        // single sign-on: a second request in the same browser needs no sign-in
        Map<String, String> again = query(location(browser.get(url)));
        assertThat(again).containsKey("code");

        // max_age=0 asks for a fresh sign-in, once: the request it returns to is answered with a code
        Map<String, String> fresh = webRequest("openid User.Read");
        fresh.put("max_age", "0");
        Map<String, String> afterFresh = query(location(signInAndReturn(
                browser, authorize(tid(), fresh), contoso.admin().userPrincipalName(), PASSWORD)));
        assertThat(afterFresh).containsKey("code");

        // userinfo, at the path discovery advertises, names the same subject as the ID token
        HttpResponse<String> userInfo = server.get("/oidc/userinfo", accessToken);
        assertThat(userInfo.statusCode()).as(userInfo.body()).isEqualTo(200);
        assertThat(json(userInfo).get("sub").asText()).isEqualTo(id.getSubject());
        assertThat(json(userInfo).get("name").asText()).isEqualTo("Kelley Wall");
        assertThat(server.get("/oidc/userinfo").statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName(
            "a code redeemed twice is refused (AADSTS54005) and the refresh token the first redemption issued is revoked")
    void reusedCodeRevokes() throws Exception {
        CookieClient browser = new CookieClient(server).signIn(contoso.admin().userPrincipalName(), PASSWORD);
        String code = query(location(browser.get(authorize(tid(), webRequest("openid offline_access User.Read")))))
                .get("code");
        Map<String, String> form = codeForm(code, WEB);
        form.put("client_secret", secret);
        HttpResponse<String> first = token(form);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        String refresh = json(first).get("refresh_token").asText();

        HttpResponse<String> second = token(form);
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(json(second).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(json(second).get("error_codes").get(0).asInt()).isEqualTo(54005);

        Map<String, String> refreshForm = new LinkedHashMap<>();
        refreshForm.put("client_id", app.appId().toString());
        refreshForm.put("client_secret", secret);
        refreshForm.put("grant_type", "refresh_token");
        refreshForm.put("refresh_token", refresh);
        HttpResponse<String> refreshed = token(refreshForm);
        assertThat(refreshed.statusCode()).isEqualTo(400);
        assertThat(json(refreshed).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    @DisplayName(
            "a public client must use PKCE S256: no challenge or plain is refused at the redirect URI, a wrong verifier at the token endpoint")
    void pkce() throws Exception {
        CookieClient browser = new CookieClient(server).signIn(pete.userPrincipalName(), PASSWORD);
        Map<String, String> params = webRequest("openid profile offline_access User.Read");
        params.put("redirect_uri", "http://localhost:51234");
        Map<String, String> missing = query(location(browser.get(authorize(tid(), params))));
        assertThat(missing).containsEntry("error", "invalid_request").containsEntry("state", "st-1");
        assertThat(missing.get("error_description")).contains("AADSTS9002325");

        params.put("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        params.put("code_challenge_method", "plain");
        assertThat(query(location(browser.get(authorize(tid(), params))))).containsEntry("error", "invalid_request");

        String verifier = verifier();
        params.put("code_challenge", s256(verifier));
        params.put("code_challenge_method", "S256");
        String code = query(location(browser.get(authorize(tid(), params)))).get("code");
        assertThat(code).isNotNull();

        Map<String, String> wrongForm = codeForm(code, params.get("redirect_uri"));
        wrongForm.put("code_verifier", verifier());
        HttpResponse<String> wrong = token(wrongForm);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(json(wrong).get("error_codes").get(0).asInt()).isEqualTo(501481);

        Map<String, String> otherRedirect = codeForm(code, "http://localhost:9999");
        otherRedirect.put("code_verifier", verifier);
        assertThat(json(token(otherRedirect)).get("error").asText()).isEqualTo("invalid_grant");

        Map<String, String> right = codeForm(code, params.get("redirect_uri"));
        right.put("code_verifier", verifier);
        HttpResponse<String> ok = token(right);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);

        // a public client (native redirect URIs) refreshes without a secret, as MSAL's silent refresh does
        Map<String, String> refresh = new LinkedHashMap<>();
        refresh.put("client_id", app.appId().toString());
        refresh.put("grant_type", "refresh_token");
        refresh.put("refresh_token", json(ok).get("refresh_token").asText());
        HttpResponse<String> refreshed = token(refresh);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    }

    @Test
    @DisplayName("an expired code is refused (AADSTS70008)")
    void expiredCode() throws Exception {
        String text = Secrets.random(32);
        Instant past = Instant.now().minusSeconds(3600);
        server.app()
                .services()
                .stores()
                .refreshTokens()
                .insertCode(new AuthorizationCode(
                        Secrets.sha256Hex(text),
                        UUID.randomUUID(),
                        contoso.tenant().id(),
                        pete.id(),
                        app.appId(),
                        WEB,
                        "openid User.Read",
                        "User.Read",
                        null,
                        null,
                        past,
                        past.plusSeconds(600),
                        null,
                        null));
        Map<String, String> form = codeForm(text, WEB);
        form.put("client_secret", secret);
        HttpResponse<String> response = token(form);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error_codes").get(0).asInt()).isEqualTo(70008);
    }

    @Test
    @DisplayName("a wrong redirect URI or client is a page, never a redirect (AADSTS50011, AADSTS700016)")
    void badClientIsAPage() {
        Map<String, String> params = webRequest("openid");
        params.put("redirect_uri", "https://evil.example/callback");
        HttpResponse<String> badRedirect = server.get(authorize(tid(), params));
        assertThat(badRedirect.statusCode()).isEqualTo(400);
        assertThat(badRedirect.headers().firstValue("Location")).isEmpty();
        assertThat(badRedirect.body()).contains("AADSTS50011").contains("<html");

        params = webRequest("openid");
        params.put("client_id", UUID.randomUUID().toString());
        HttpResponse<String> badClient = server.get(authorize(tid(), params));
        assertThat(badClient.headers().firstValue("Location")).isEmpty();
        assertThat(badClient.body()).contains("AADSTS700016");
    }

    @Test
    @DisplayName("prompt=none without a session answers interaction_required at the redirect URI")
    void promptNone() {
        Map<String, String> params = webRequest("openid");
        params.put("prompt", "none");
        params.put("response_mode", "fragment");
        String location = location(server.get(authorize("common", params)));
        assertThat(location).startsWith(WEB + "#");
        assertThat(query(location))
                .containsEntry("error", "interaction_required")
                .containsEntry("state", "st-1");
    }

    @Test
    @DisplayName(
            "consent: a user consents to User.ReadBasic.All on the page; Group.Read.All needs an administrator, whose consent serves everyone")
    void consent() throws Exception {
        CookieClient browser = new CookieClient(server).signIn(pete.userPrincipalName(), PASSWORD);
        String url = authorize(tid(), webRequest("openid User.ReadBasic.All"));
        HttpResponse<String> page = browser.get(url);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Contoso Web").contains("User.ReadBasic.All");
        String query = CookieClient.all(page.body(), "name=\"query\" value=\"([^\"]*)\"")
                .get(0)
                .replace("&amp;", "&");
        HttpResponse<String> accepted =
                browser.submit(url, "/" + tid() + "/oauth2/v2.0/consent", Map.of("query", query, "decision", "accept"));
        String code = query(location(browser.get(location(accepted)))).get("code");
        Map<String, String> form = codeForm(code, WEB);
        form.put("client_secret", secret);
        JsonNode body = json(token(form));
        assertThat(claims(body.get("access_token").asText()).getStringClaim("scp"))
                .isEqualTo("User.ReadBasic.All");

        // admin-only: the user is told to ask an administrator, and prompt=none says consent_required
        String groups = authorize(tid(), webRequest("openid Group.Read.All"));
        HttpResponse<String> blocked = browser.get(groups);
        assertThat(blocked.body()).contains("consent-blocked").doesNotContain("consent-accept");
        Map<String, String> silent = webRequest("openid Group.Read.All");
        silent.put("prompt", "none");
        assertThat(query(location(browser.get(authorize(tid(), silent))))).containsEntry("error", "consent_required");

        // admin consent through /adminconsent, then the user gets Group.Read.All without a page
        CookieClient admin = new CookieClient(server).signIn(contoso.admin().userPrincipalName(), PASSWORD);
        String adminUrl = "/" + tid() + "/v2.0/adminconsent?client_id=" + app.appId() + "&redirect_uri="
                + URLEncoder.encode(WEB, StandardCharsets.UTF_8) + "&scope=Group.Read.All&state=a1";
        HttpResponse<String> adminPage = admin.get(adminUrl);
        assertThat(adminPage.body()).contains("every user of your organisation");
        String adminQuery = CookieClient.all(adminPage.body(), "name=\"query\" value=\"([^\"]*)\"")
                .get(0)
                .replace("&amp;", "&");
        Map<String, String> done = query(location(admin.submit(
                adminUrl, "/" + tid() + "/oauth2/v2.0/consent", Map.of("query", adminQuery, "decision", "accept"))));
        assertThat(done).containsEntry("admin_consent", "True").containsEntry("state", "a1");

        Map<String, String> granted = query(location(browser.get(groups)));
        Map<String, String> form2 = codeForm(granted.get("code"), WEB);
        form2.put("client_secret", secret);
        assertThat(claims(json(token(form2)).get("access_token").asText()).getStringClaim("scp"))
                .isEqualTo("Group.Read.All");

        HttpResponse<String> grants = server.get(
                "/v1.0/oauth2PermissionGrants",
                Tokens.password(server, contoso.admin().userPrincipalName(), PASSWORD, Tokens.GRAPH));
        assertThat(grants.body())
                .contains("AllPrincipals")
                .contains("Principal")
                .contains("Group.Read.All");
    }

    /** The consent form's hidden query of {@code page}. */
    static String consentQuery(HttpResponse<String> page) {
        return CookieClient.all(page.body(), "name=\"query\" value=\"([^\"]*)\"")
                .get(0)
                .replace("&amp;", "&");
    }

    /** The claims of the access token {@code code} redeems for, with the web app's secret. */
    static JWTClaimsSet redeemed(String code) throws Exception {
        Map<String, String> form = codeForm(code, WEB);
        form.put("client_secret", secret);
        JsonNode body = json(token(form));
        assertThat(body.has("id_token")).as(body.toString()).isTrue();
        return claims(body.get("access_token").asText());
    }

    @Test
    @DisplayName("issue 11: consent to a registered API's scopes on the page; the code gives a token for the API (aud,"
            + " scp); its Admin scope needs admin consent; an unknown API is AADSTS500011")
    void registeredApi() throws Exception {
        var services = server.app().services();
        Caller.User kelley =
                new Caller.User(contoso.tenant().id(), contoso.admin().id());
        Application api = services.applications()
                .createApplication(kelley, contoso.tenant().id(), "Orders API");
        String apiUri = "api://" + api.appId();
        services.applications().createServicePrincipal(kelley, contoso.tenant().id(), api.appId());
        services.exposedApis()
                .change(
                        kelley,
                        contoso.tenant().id(),
                        api.id(),
                        new ExposedApiService.Change(
                                List.of(apiUri),
                                List.of(
                                        new PermissionScope(
                                                UUID.randomUUID(),
                                                "access_as_user",
                                                PermissionScope.USER,
                                                "Access Orders API",
                                                "Call Orders API for everyone.",
                                                "Access Orders API as you",
                                                "Lets the app call Orders API as you.",
                                                true),
                                        new PermissionScope(
                                                UUID.randomUUID(),
                                                "Orders.All",
                                                PermissionScope.ADMIN,
                                                "Read all orders",
                                                "Lets the app read every order.",
                                                null,
                                                null,
                                                true)),
                                false,
                                null));
        CookieClient browser = new CookieClient(server).signIn(pete.userPrincipalName(), PASSWORD);

        String url = authorize(tid(), webRequest("openid profile offline_access " + apiUri + "/access_as_user"));
        HttpResponse<String> page = browser.get(url);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body())
                .contains("Contoso Web")
                .contains("Access Orders API as you")
                .contains("Orders API")
                .contains("Lets the app call Orders API as you.");
        HttpResponse<String> accepted = browser.submit(
                url, "/" + tid() + "/oauth2/v2.0/consent", Map.of("query", consentQuery(page), "decision", "accept"));
        JWTClaimsSet token =
                redeemed(query(location(browser.get(location(accepted)))).get("code"));
        assertThat(token.getAudience()).containsExactly(apiUri);
        assertThat(token.getStringClaim("scp")).isEqualTo("access_as_user");

        // the Admin scope: the user is told to ask an administrator; prompt=none says consent_required
        String orders = authorize(tid(), webRequest("openid " + api.appId() + "/Orders.All"));
        assertThat(browser.get(orders).body()).contains("consent-blocked").doesNotContain("consent-accept");
        Map<String, String> silent = webRequest("openid " + api.appId() + "/Orders.All");
        silent.put("prompt", "none");
        assertThat(query(location(browser.get(authorize(tid(), silent))))).containsEntry("error", "consent_required");

        CookieClient admin = new CookieClient(server).signIn(contoso.admin().userPrincipalName(), PASSWORD);
        String adminUrl = "/" + tid() + "/v2.0/adminconsent?client_id=" + app.appId() + "&redirect_uri="
                + URLEncoder.encode(WEB, StandardCharsets.UTF_8) + "&scope="
                + URLEncoder.encode(apiUri + "/Orders.All", StandardCharsets.UTF_8) + "&state=a2";
        HttpResponse<String> adminPage = admin.get(adminUrl);
        assertThat(adminPage.body()).contains("Read all orders");
        Map<String, String> done = query(location(admin.submit(
                adminUrl,
                "/" + tid() + "/oauth2/v2.0/consent",
                Map.of("query", consentQuery(adminPage), "decision", "accept"))));
        assertThat(done).containsEntry("admin_consent", "True");
        JWTClaimsSet all = redeemed(query(location(browser.get(orders))).get("code"));
        assertThat(all.getStringClaim("scp")).isEqualTo("Orders.All");

        Map<String, String> unknown = query(location(browser.get(authorize(tid(), webRequest("api://nothing/x")))));
        assertThat(unknown).containsEntry("error", "invalid_scope");
        assertThat(unknown.get("error_description")).contains("AADSTS500011");
    }

    @Test
    @DisplayName("response_mode=form_post answers with a page that posts the code to the redirect URI")
    void formPost() {
        CookieClient browser = new CookieClient(server).signIn(contoso.admin().userPrincipalName(), PASSWORD);
        Map<String, String> params = webRequest("openid");
        params.put("response_mode", "form_post");
        HttpResponse<String> page = browser.get(authorize(tid(), params));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"" + WEB + "\"").contains("name=\"code\"");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("form-action https://app.contoso.example");
    }

    @Test
    @DisplayName("issue 11: the sign-in and consent forms of an authorization request may lead back to its registered"
            + " redirect URI (CSP form-action governs the redirects a form's answer follows), and nowhere else")
    void formsMayLeadBackToTheRegisteredRedirectUri() {
        CookieClient browser = new CookieClient(server);
        HttpResponse<String> signIn = browser.get(location(browser.get(authorize(tid(), webRequest("openid")))));
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(csp(signIn)).contains("form-action 'self' https://app.contoso.example;");

        Map<String, String> unregistered = webRequest("openid");
        unregistered.put("redirect_uri", "https://evil.example/");
        HttpResponse<String> foreign = browser.get(
                "/signin?returnUrl=" + URLEncoder.encode(authorize(tid(), unregistered), StandardCharsets.UTF_8));
        assertThat(csp(foreign)).contains("form-action 'self';");
        assertThat(csp(browser.get("/signin"))).contains("form-action 'self';");

        server.app()
                .services()
                .users()
                .createUser(Caller.system(), contoso.tenant().id(), NewUser.of("Connie Sent", "connie", PASSWORD));
        HttpResponse<String> consent = new CookieClient(server)
                .signIn("connie@" + contoso.tenant().initialDomain(), PASSWORD)
                .get(authorize(tid(), webRequest("openid User.ReadBasic.All")));
        assertThat(consent.body()).contains("consent-accept");
        assertThat(csp(consent)).contains("form-action 'self' https://app.contoso.example;");
    }

    static String csp(HttpResponse<String> page) {
        return page.headers().firstValue("Content-Security-Policy").orElseThrow();
    }

    @Test
    @DisplayName(
            "issue 11: ID tokens carry login_hint; a logout_hint naming another account leaves the session, its own"
                    + " account's ends it")
    void logoutHint() throws Exception {
        CookieClient browser = new CookieClient(server);
        Map<String, String> answer = query(location(signInAndReturn(
                browser, authorize(tid(), webRequest("openid")), contoso.admin().userPrincipalName(), PASSWORD)));
        Map<String, String> form = codeForm(answer.get("code"), WEB);
        form.put("client_secret", secret);
        String loginHint = claims(json(token(form)).get("id_token").asText()).getStringClaim("login_hint");
        assertThat(LoginHint.parse(loginHint))
                .contains(new LoginHint(
                        contoso.admin().id().value(), contoso.tenant().id()));

        Map<String, String> silent = webRequest("openid");
        silent.put("prompt", "none");
        String peteHint = new LoginHint(pete.id().value(), contoso.tenant().id()).value();
        browser.get("/" + tid() + "/oauth2/v2.0/logout?logout_hint=" + peteHint);
        assertThat(query(location(browser.get(authorize(tid(), silent))))).containsKey("code");

        browser.get("/" + tid() + "/oauth2/v2.0/logout?logout_hint=" + loginHint);
        assertThat(query(location(browser.get(authorize(tid(), silent)))))
                .containsEntry("error", "interaction_required");
    }

    @Test
    @DisplayName("logout ends the session and returns only to a registered redirect URI, matched exactly")
    void logout() {
        CookieClient browser = new CookieClient(server).signIn(contoso.admin().userPrincipalName(), PASSWORD);
        for (String unregistered : List.of("https://evil.example/", "https://app.contoso.example/signed-out")) {
            HttpResponse<String> refused = browser.get("/" + tid() + "/oauth2/v2.0/logout?client_id=" + app.appId()
                    + "&post_logout_redirect_uri=" + URLEncoder.encode(unregistered, StandardCharsets.UTF_8));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("AADSTS50011");
            assertThat(refused.headers().firstValue("Location")).isEmpty();
        }

        String location = location(browser.get("/" + tid() + "/oauth2/v2.0/logout?client_id=" + app.appId()
                + "&post_logout_redirect_uri=" + URLEncoder.encode(WEB, StandardCharsets.UTF_8) + "&state=x"));
        assertThat(location).isEqualTo(WEB + "?state=x");
        Map<String, String> params = webRequest("openid");
        params.put("prompt", "none");
        assertThat(query(location(browser.get(authorize(tid(), params)))))
                .containsEntry("error", "interaction_required");
    }

    @Test
    @DisplayName("redirect URIs are set and shown through Graph's web, spa and publicClient")
    void graphRedirectUris() throws Exception {
        String token = Tokens.password(server, contoso.admin().userPrincipalName(), PASSWORD, Tokens.GRAPH);
        HttpResponse<String> created = server.postJson(
                "/v1.0/applications",
                "{\"displayName\":\"SPA\",\"spa\":{\"redirectUris\":[\"https://spa2.example/cb\"]}}",
                token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("spa").get("redirectUris").get(0).asText()).isEqualTo("https://spa2.example/cb");
        HttpResponse<String> bad = server.postJson(
                "/v1.0/applications",
                "{\"displayName\":\"Bad\",\"web\":{\"redirectUris\":[\"http://x.example\"]}}",
                token);
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("every endpoint discovery advertises for sign-in answers (none is a 404)")
    void discoveredEndpointsWork() throws Exception {
        JsonNode doc = json(server.get("/" + tid() + "/v2.0/.well-known/openid-configuration"));
        String base = server.baseUrl();
        assertThat(doc.has("kerberos_endpoint")).isFalse();
        assertThat(server.get(doc.get("authorization_endpoint").asText().substring(base.length()))
                        .statusCode())
                .isEqualTo(400);
        assertThat(server.postForm(doc.get("token_endpoint").asText().substring(base.length()), "grant_type=x")
                        .statusCode())
                .isEqualTo(400);
        assertThat(server.get(doc.get("jwks_uri").asText().substring(base.length()))
                        .statusCode())
                .isEqualTo(200);
        assertThat(server.get(doc.get("userinfo_endpoint").asText().substring(base.length()))
                        .statusCode())
                .isEqualTo(401);
        assertThat(server.get(doc.get("end_session_endpoint").asText().substring(base.length()))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    @DisplayName(
            "hybrid flow: response_type=code id_token answers in the fragment with an ID token carrying nonce, c_hash and sid")
    void hybrid() throws Exception {
        CookieClient browser = new CookieClient(server).signIn(contoso.admin().userPrincipalName(), PASSWORD);
        Map<String, String> params = webRequest("openid profile");
        params.put("response_type", "code id_token");
        String location = location(browser.get(authorize(tid(), params)));
        assertThat(location).startsWith(WEB + "#");
        Map<String, String> answer = query(location);
        JWTClaimsSet id = claims(answer.get("id_token"));
        assertThat(id.getStringClaim("nonce")).isEqualTo("n-0S6_WzA2Mj");
        byte[] hash =
                MessageDigest.getInstance("SHA-256").digest(answer.get("code").getBytes(StandardCharsets.US_ASCII));
        assertThat(id.getStringClaim("c_hash"))
                .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16)));
        assertThat(id.getAudience()).containsExactly(app.appId().toString());
        // the browser session's sid (front-channel logout), the same in every ID token of that session
        assertThat(id.getStringClaim("sid")).matches("[0-9a-f-]{36}");
        JWTClaimsSet again =
                claims(query(location(browser.get(authorize(tid(), params)))).get("id_token"));
        assertThat(again.getStringClaim("sid")).isEqualTo(id.getStringClaim("sid"));
        JWTClaimsSet other = claims(query(location(new CookieClient(server)
                        .signIn(contoso.admin().userPrincipalName(), PASSWORD)
                        .get(authorize(tid(), params))))
                .get("id_token"));
        assertThat(other.getStringClaim("sid")).isNotEqualTo(id.getStringClaim("sid"));

        params.put("response_mode", "query");
        assertThat(query(location(browser.get(authorize(tid(), params))))).containsEntry("error", "invalid_request");
        params.put("response_type", "token");
        params.remove("response_mode");
        assertThat(query(location(browser.get(authorize(tid(), params)))))
                .containsEntry("error", "unsupported_response_type");
    }
}
