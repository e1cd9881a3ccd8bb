package dev.tenantry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The browser-less sign-in the server ITs drive to get an authorization code (issue 11): an authorization request
 * sends a {@link CookieClient} to the sign-in page, which signs in and follows the request back to its answer.
 */
public final class SignInFlow {

    private static final String SIGN_IN = "/signin?returnUrl=";

    private SignInFlow() {}

    /**
     * Signs {@code upn} in through the page the authorization request {@code authorizeUrl} sends the browser to, and
     * returns the answer of the request it returns to (a redirect to the client, or a consent page).
     */
    public static HttpResponse<String> signInAndReturn(
            CookieClient browser, String authorizeUrl, String upn, String password) {
        String signIn = location(browser.get(authorizeUrl));
        assertThat(signIn).startsWith(SIGN_IN);
        String returnUrl = URLDecoder.decode(
                signIn.substring(SIGN_IN.length()).replaceAll("&login_hint=.*", ""), StandardCharsets.UTF_8);
        browser.signIn(upn, password, returnUrl);
        return browser.get(returnUrl);
    }

    /** The {@code code} a redirect to the client carries (in its query or fragment). */
    public static String code(HttpResponse<String> answer) {
        Map<String, String> values = query(location(answer));
        assertThat(values).as(answer.body()).containsKey("code");
        return values.get("code");
    }

    /** The {@code Location} of a redirect (302 or 303). */
    public static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(302, 303);
        return response.headers().firstValue("Location").orElseThrow();
    }

    /** The decoded parameters of {@code location}'s query, or of its fragment when it has no query. */
    public static Map<String, String> query(String location) {
        URI uri = URI.create(location);
        String raw = uri.getRawQuery() != null ? uri.getRawQuery() : uri.getRawFragment();
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : raw.split("&", -1)) {
            int eq = pair.indexOf('=');
            values.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    /** {@code params} as a URL-encoded query or form, in their order. */
    public static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** PKCE's S256 challenge of {@code verifier} (RFC 7636 §4.2). */
    public static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
