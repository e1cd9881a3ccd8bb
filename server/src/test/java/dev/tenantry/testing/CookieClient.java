package dev.tenantry.testing;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.stream.Collectors;

/** A minimal cookie-keeping client for the web pages (a small cookie jar): enough to walk the forms. */
public final class CookieClient {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");

    private static final String SESSION_COOKIE = "__Host-tenantry-session";

    private final RunningServer server;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public CookieClient(RunningServer server) {
        this.server = server;
    }

    /** The session cookie as {@code name=value}; null before sign-in (a visitor has only the CSRF cookie). */
    public String cookie() {
        String value = cookies.get(SESSION_COOKIE);
        return value == null ? null : SESSION_COOKIE + "=" + value;
    }

    /** Sets a cookie ({@code name=value}), for example to replay a session cookie that was signed out. */
    public void cookie(String pair) {
        String[] parts = pair.split("=", 2);
        cookies.put(parts[0], parts[1]);
    }

    /** Every cookie the browser keeps, by name. */
    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    public HttpResponse<String> get(String path) {
        return keep(server.send(withCookie(server.request(path)).GET().build()));
    }

    /** Posts {@code fields} as a form, in their order. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return post(path, encode(fields));
    }

    public HttpResponse<String> post(String path, String form) {
        return keep(server.send(withCookie(server.request(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build()));
    }

    /** The CSRF token of the first form on the page at {@code path}. */
    public String csrf(String path) {
        Matcher matcher = CSRF.matcher(get(path).body());
        assertThat(matcher.find()).as("a csrf_token on " + path).isTrue();
        return matcher.group(1);
    }

    /** Posts {@code fields} to {@code path} with the CSRF token of the page at {@code formPage}. */
    public HttpResponse<String> submit(String formPage, String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>();
        withToken.put("csrf_token", csrf(formPage));
        withToken.putAll(fields);
        return post(path, withToken);
    }

    /** Posts a form from {@code path} with the CSRF token of a fresh GET of {@code path} and name/value pairs. */
    public HttpResponse<String> post(String path, String... pairs) {
        return postFrom(path, path, pairs);
    }

    /** Posts to {@code action} the form found on page {@code page}, with its CSRF token and name/value pairs. */
    public HttpResponse<String> postFrom(String page, String action, String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return submit(page, action, fields);
    }

    /** Signs in through the sign-in page, returning to {@code /}. */
    public CookieClient signIn(String userName, String password) {
        signIn(userName, password, "/");
        return this;
    }

    /** The text of every match of group 1 of {@code regex} in {@code html}. */
    public static List<String> all(String html, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1).strip());
        }
        return found;
    }

    /** The text of the element with {@code id} (no nested elements). */
    public static String textOf(String html, String id) {
        List<String> found = all(html, "id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<");
        assertThat(found).as("element #%s", id).isNotEmpty();
        return found.get(0);
    }

    /** Signs in on the sign-in page and expects to be sent to {@code returnUrl}. */
    public void signIn(String userName, String password, String returnUrl) {
        HttpResponse<String> response = submit(
                "/signin", "/signin", Map.of("username", userName, "password", password, "returnUrl", returnUrl));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue(returnUrl);
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String encode(String value) {
        return enc(value);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder withCookie(HttpRequest.Builder builder) {
        if (cookies.isEmpty()) {
            return builder;
        }
        return builder.header(
                "Cookie",
                cookies.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
    }

    private HttpResponse<String> keep(HttpResponse<String> response) {
        response.headers().allValues("Set-Cookie").forEach(value -> {
            String[] pair = value.split(";", 2)[0].split("=", 2);
            if (pair.length < 2 || pair[1].isEmpty()) {
                cookies.remove(pair[0]);
            } else {
                cookies.put(pair[0], pair[1]);
            }
        });
        return response;
    }
}
