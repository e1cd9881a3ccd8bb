package dev.tenantry.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.directory.NewUser;
import dev.tenantry.identity.RetentionPurge;
import dev.tenantry.testing.CookieClient;
import dev.tenantry.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 7.10 over HTTPS: visitors who have not signed in store nothing, and their forms are still CSRF-checked. */
class AnonymousVisitsIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    static final String PASSWORD = "Tenantry!2026";
    static final String SIGN_UP = "/store/suite/O365_BUSINESS_ESSENTIALS/trial";

    @BeforeAll
    static void directory() {
        server.app()
                .services()
                .tenants()
                .createDirectory("Tailspin", "US", "tailspin", NewUser.of("Tia Spin", "admin", PASSWORD));
    }

    static int webSessionRows() {
        return server.app().database().jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM web_session")
                .mapTo(Integer.class)
                .one());
    }

    @Test
    @DisplayName("issue 7.10: 50 anonymous page views without cookies create no session row")
    void anonymousPageViewsStoreNoSession() {
        int before = webSessionRows();

        for (int i = 0; i < 50; i++) {
            assertThat(server.get(i % 2 == 0 ? "/" : "/signin").statusCode()).isEqualTo(200);
        }

        assertThat(webSessionRows()).isEqualTo(before);
    }

    @Test
    @DisplayName("issue 7.10: an anonymous visitor can still sign in with the token from the signed cookie")
    void signInWithTheAnonymousTokenCreatesTheOnlySession() {
        CookieClient browser = new CookieClient(server);
        int before = webSessionRows();

        browser.signIn("admin@tailspin.onmicrosoft.test", PASSWORD);

        assertThat(browser.cookies()).containsKeys("__Host-tenantry-csrf", "__Host-tenantry-session");
        assertThat(webSessionRows()).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("issue 7.10: the sign-in form without a CSRF token, or with a wrong one, is refused")
    void signInWithoutOrWithAWrongTokenIsRefused() {
        CookieClient browser = new CookieClient(server);
        browser.get("/signin");
        Map<String, String> credentials =
                Map.of("username", "admin@tailspin.onmicrosoft.test", "password", PASSWORD, "returnUrl", "/");

        HttpResponse<String> without = browser.post("/signin", credentials);
        HttpResponse<String> wrong = browser.post("/signin", withToken("not-the-token", credentials));

        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("did not come from this site");
        assertThat(browser.cookie()).isNull();
    }

    @Test
    @DisplayName("issue 7.10: the store's new-customer form without a CSRF token, or with a wrong one, is refused")
    void newCustomerFormWithoutOrWithAWrongTokenIsRefused() {
        CookieClient browser = new CookieClient(server);
        browser.get(SIGN_UP);
        Map<String, String> organisation = Map.of(
                "organization", "Forged", "domainPrefix", "forged", "countryCode", "US", "displayName", "F Orged");

        HttpResponse<String> without = browser.post(SIGN_UP, organisation);
        HttpResponse<String> wrong = browser.post(SIGN_UP, withToken("not-the-token", organisation));

        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(server.app().services().tenants().findTenant("forged.onmicrosoft.test"))
                .isEmpty();
    }

    @Test
    @DisplayName("issue 7.10: a CSRF cookie not signed by the server is refused, even when the form echoes it")
    void anUnsignedCsrfCookieIsRefused() {
        CookieClient browser = new CookieClient(server);
        browser.cookie("__Host-tenantry-csrf=dG9rZW4.AAAAAAAAAAAAAAAAAAAAAA");

        HttpResponse<String> forged = browser.post(
                "/signin",
                withToken("token", Map.of("username", "admin@tailspin.onmicrosoft.test", "password", PASSWORD)));

        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("issue 7.10: the purge keeps a live session: the signed-in visitor stays signed in")
    void thePurgeKeepsLiveSessions() {
        CookieClient browser = new CookieClient(server);
        browser.signIn("admin@tailspin.onmicrosoft.test", PASSWORD);

        RetentionPurge.Purged purged = server.app().services().retentionPurge().run();

        assertThat(purged.webSessions()).isZero();
        assertThat(browser.get("/").body()).contains("Tia Spin");
    }

    static Map<String, String> withToken(String token, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("csrf_token", token);
        all.putAll(fields);
        return all;
    }
}
