package dev.tenantry.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.directory.NewUser;
import dev.tenantry.testing.RunningServer;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SignInPagesIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");
    private static final String PASSWORD = "Tenantry!2026";

    @BeforeAll
    static void directory() {
        server.app()
                .services()
                .directory()
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
    void sessionCookieIsHostPrefixedSecureHttpOnlyLax() {
        HttpResponse<String> page = server.get("/signin");

        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie)
                .startsWith("__Host-tenantry-session=")
                .contains("Secure", "HttpOnly", "SameSite=Lax", "Path=/");
        assertThat(page.body()).contains("autocomplete=\"username\"");
    }

    @Test
    void postWithoutCsrfTokenIsForbidden() {
        Browser browser = new Browser();
        browser.get("/signin");

        HttpResponse<String> response = browser.post("/signin", "username=admin%40wingtip.onmicrosoft.test");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("did not come from this site");
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameMessage() {
        Browser browser = new Browser();
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
        Browser browser = new Browser();
        String csrf = browser.csrf("/signin");
        String anonymousCookie = browser.cookie;

        HttpResponse<String> signedIn =
                browser.post("/signin", form(csrf, "admin@wingtip.onmicrosoft.test", PASSWORD, "/?from=signin"));

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/?from=signin");
        assertThat(browser.cookie).isNotEqualTo(anonymousCookie);
        assertThat(browser.get("/").body()).contains("Wendy Tip", "Sign out");
    }

    @Test
    void returnUrlToAnotherHostIsIgnored() {
        Browser browser = new Browser();
        String csrf = browser.csrf("/signin");

        HttpResponse<String> signedIn =
                browser.post("/signin", form(csrf, "admin@wingtip.onmicrosoft.test", PASSWORD, "//evil.example/x"));

        assertThat(signedIn.headers().firstValue("Location")).hasValue("/");
    }

    @Test
    void signOutEndsTheSession() {
        Browser browser = new Browser();
        String csrf = browser.csrf("/signin");
        browser.post("/signin", form(csrf, "admin@wingtip.onmicrosoft.test", PASSWORD, "/"));
        String signedInCsrf = browser.csrf("/");
        String signedInCookie = browser.cookie;

        browser.post("/signout", "csrf_token=" + signedInCsrf);
        browser.cookie = signedInCookie;

        assertThat(browser.get("/").body()).doesNotContain("Wendy Tip").contains("Sign in");
    }

    private static String form(String csrf, String user, String password, String returnUrl) {
        return "csrf_token=" + enc(csrf) + "&username=" + enc(user) + "&password=" + enc(password) + "&returnUrl="
                + enc(returnUrl);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A minimal cookie-keeping client: enough to walk the forms without a real browser. */
    private static final class Browser {
        String cookie;

        HttpResponse<String> get(String path) {
            return keep(server.send(withCookie(server.request(path)).GET().build()));
        }

        HttpResponse<String> post(String path, String form) {
            return keep(server.send(withCookie(server.request(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build()));
        }

        String csrf(String path) {
            Matcher matcher = CSRF.matcher(get(path).body());
            assertThat(matcher.find()).isTrue();
            return matcher.group(1);
        }

        private HttpRequest.Builder withCookie(HttpRequest.Builder builder) {
            return cookie == null ? builder : builder.header("Cookie", cookie);
        }

        private HttpResponse<String> keep(HttpResponse<String> response) {
            response.headers().allValues("Set-Cookie").forEach(value -> {
                String pair = value.split(";", 2)[0];
                cookie = pair.endsWith("=") ? null : pair;
            });
            return response;
        }
    }
}
