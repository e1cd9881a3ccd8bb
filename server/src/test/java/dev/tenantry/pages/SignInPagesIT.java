package dev.tenantry.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.directory.NewUser;
import dev.tenantry.testing.CookieClient;
import dev.tenantry.testing.RunningServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SignInPagesIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final String PASSWORD = "Tenantry!2026";

    @BeforeAll
    static void directory() {
        server.app()
                .services()
                .tenants()
                .createDirectory("Wingtip", "US", "wingtip", NewUser.of("Wendy Tip", "admin", PASSWORD));
    }

    @Test
    void landingPageLinksBothProductsWithStrictHeaders() {
        HttpResponse<String> landing = server.get("/");

        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.body()).contains("Start free", "/store/suite", "/portal", "/admin");
        assertThat(landing.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'"));
    }

    @Test
    @DisplayName("issue 7.10: a visitor gets a signed CSRF cookie, __Host- prefixed, Secure, HttpOnly, Lax; no session")
    void anonymousCsrfCookieIsHostPrefixedSecureHttpOnlyLax() {
        HttpResponse<String> page = server.get("/signin");

        assertThat(page.headers().allValues("Set-Cookie"))
                .singleElement()
                .asString()
                .startsWith("__Host-tenantry-csrf=")
                .contains("Secure", "HttpOnly", "SameSite=Lax", "Path=/");
        assertThat(page.body()).contains("autocomplete=\"username\"");
    }

    @Test
    void sessionCookieIsHostPrefixedSecureHttpOnlyLax() {
        CookieClient browser = new CookieClient(server);
        String csrf = browser.csrf("/signin");

        HttpResponse<String> signedIn =
                browser.post("/signin", form(csrf, "admin@wingtip.onmicrosoft.test", PASSWORD, "/"));

        assertThat(signedIn.headers().allValues("Set-Cookie"))
                .singleElement()
                .asString()
                .startsWith("__Host-tenantry-session=")
                .contains("Secure", "HttpOnly", "SameSite=Lax", "Path=/");
    }

    @Test
    void postWithoutCsrfTokenIsForbidden() {
        CookieClient browser = new CookieClient(server);
        browser.get("/signin");

        HttpResponse<String> response = browser.post("/signin", "username=admin%40wingtip.onmicrosoft.test");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("did not come from this site");
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameMessage() {
        CookieClient browser = new CookieClient(server);
        String csrf = browser.csrf("/signin");

        HttpResponse<String> wrong =
                browser.post("/signin", form(csrf, "admin@wingtip.onmicrosoft.test", "Nope!2026x", "/"));
        HttpResponse<String> unknown =
                browser.post("/signin", form(csrf, "nobody@wingtip.onmicrosoft.test", PASSWORD, "/"));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Your account or password is incorrect.");
        assertThat(unknown.body()).contains("Your account or password is incorrect.");
    }

    @Test
    void signInRotatesTheSessionAndReturnsToASameOriginPath() {
        CookieClient browser = new CookieClient(server);
        browser.signIn("admin@wingtip.onmicrosoft.test", PASSWORD);
        String firstSession = browser.cookie();
        String csrf = browser.csrf("/signin");

        HttpResponse<String> signedIn =
                browser.post("/signin", form(csrf, "admin@wingtip.onmicrosoft.test", PASSWORD, "/?from=signin"));

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/?from=signin");
        assertThat(browser.cookie()).isNotNull().isNotEqualTo(firstSession);
        assertThat(browser.get("/").body()).contains("Wendy Tip", "Sign out");
        browser.cookie(firstSession);
        assertThat(browser.get("/").body()).doesNotContain("Wendy Tip");
    }

    @Test
    void returnUrlToAnotherHostIsIgnored() {
        CookieClient browser = new CookieClient(server);
        String csrf = browser.csrf("/signin");

        HttpResponse<String> signedIn =
                browser.post("/signin", form(csrf, "admin@wingtip.onmicrosoft.test", PASSWORD, "//evil.example/x"));

        assertThat(signedIn.headers().firstValue("Location")).hasValue("/");
    }

    @Test
    void signOutEndsTheSession() {
        CookieClient browser = new CookieClient(server);
        String csrf = browser.csrf("/signin");
        browser.post("/signin", form(csrf, "admin@wingtip.onmicrosoft.test", PASSWORD, "/"));
        String signedInCsrf = browser.csrf("/");
        String signedInCookie = browser.cookie();

        browser.post("/signout", "csrf_token=" + signedInCsrf);
        browser.cookie(signedInCookie);

        assertThat(browser.get("/").body()).doesNotContain("Wendy Tip").contains("Sign in");
    }

    private static String form(String csrf, String user, String password, String returnUrl) {
        return "csrf_token=" + enc(csrf) + "&username=" + enc(user) + "&password=" + enc(password) + "&returnUrl="
                + enc(returnUrl);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
