package dev.tenantry.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.testing.RunningServer;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A minimal cookie-keeping client for the page tests: enough to sign in and walk the forms without a browser. */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");

    private final RunningServer server;
    private String cookie;

    Browser(RunningServer server) {
        this.server = server;
    }

    /** Signs in through the sign-in page and checks that it worked. */
    Browser signIn(String userName, String password) {
        HttpResponse<String> response = post("/signin", "username", userName, "password", password, "returnUrl", "/");
        assertThat(response.statusCode()).as("sign-in of %s", userName).isEqualTo(303);
        return this;
    }

    HttpResponse<String> get(String path) {
        return keep(server.send(withCookie(server.request(path)).GET().build()));
    }

    /** Posts a form from {@code path} with the CSRF token of a fresh GET of {@code path} and name/value pairs. */
    HttpResponse<String> post(String path, String... pairs) {
        return postFrom(path, path, pairs);
    }

    /** Posts to {@code action} the form found on page {@code page}, with its CSRF token and name/value pairs. */
    HttpResponse<String> postFrom(String page, String action, String... pairs) {
        List<String> form = new ArrayList<>();
        form.add("csrf_token=" + encode(csrf(page)));
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(encode(pairs[i]) + "=" + encode(pairs[i + 1]));
        }
        return postRaw(action, String.join("&", form));
    }

    HttpResponse<String> postRaw(String path, String form) {
        return keep(server.send(withCookie(server.request(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build()));
    }

    String csrf(String path) {
        Matcher matcher = CSRF.matcher(get(path).body());
        assertThat(matcher.find()).as("a csrf_token on %s", path).isTrue();
        return matcher.group(1);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The text of every match of group 1 of {@code regex} in {@code html}. */
    static List<String> all(String html, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1).strip());
        }
        return found;
    }

    /** The text of the element with {@code id} (no nested elements). */
    static String textOf(String html, String id) {
        List<String> found = all(html, "id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<");
        assertThat(found).as("element #%s", id).isNotEmpty();
        return found.get(0);
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
