package dev.tenantry.directory.apps;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.shared.Column;
import dev.tenantry.shared.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The redirect URIs an app registration accepts, per platform, as Graph shows them ({@code web.redirectUris},
 * {@code spa.redirectUris}, {@code publicClient.redirectUris}). A URI matches only exactly, except that a public
 * client's {@code http://localhost} (or {@code 127.0.0.1}) URI matches any port, as Entra allows native apps.
 */
public record RedirectUris(List<String> web, List<String> spa, List<String> publicClient) {

    /** At most this many URIs per platform. */
    public static final int MAX_PER_PLATFORM = 256;

    /** A registration that accepts no redirect URI. */
    public static final RedirectUris NONE = new RedirectUris(List.of(), List.of(), List.of());

    /** The platforms of Graph's application resource. */
    public enum Platform {
        WEB,
        SPA,
        PUBLIC_CLIENT
    }

    public RedirectUris {
        web = web == null ? List.of() : List.copyOf(web);
        spa = spa == null ? List.of() : List.copyOf(spa);
        publicClient = publicClient == null ? List.of() : List.copyOf(publicClient);
    }

    /** The URIs of {@code platform}. */
    public List<String> of(Platform platform) {
        return switch (platform) {
            case WEB -> web;
            case SPA -> spa;
            case PUBLIC_CLIENT -> publicClient;
        };
    }

    /** These URIs with {@code platform}'s replaced by {@code uris}, each checked. */
    public RedirectUris with(Platform platform, List<String> uris) {
        List<String> checked = check(platform, uris);
        return new RedirectUris(
                platform == Platform.WEB ? checked : web,
                platform == Platform.SPA ? checked : spa,
                platform == Platform.PUBLIC_CLIENT ? checked : publicClient);
    }

    /** The platform whose URI {@code redirectUri} is (web first, then SPA, then public client), if any. */
    public Optional<Platform> platformOf(String redirectUri) {
        if (redirectUri == null) {
            return Optional.empty();
        }
        if (web.contains(redirectUri)) {
            return Optional.of(Platform.WEB);
        }
        if (spa.contains(redirectUri)) {
            return Optional.of(Platform.SPA);
        }
        if (publicClient.contains(redirectUri)
                || publicClient.stream().anyMatch(registered -> loopbackMatch(registered, redirectUri))) {
            return Optional.of(Platform.PUBLIC_CLIENT);
        }
        return Optional.empty();
    }

    /** Every registered URI, for checking a logout's {@code post_logout_redirect_uri}. */
    public List<String> all() {
        List<String> all = new ArrayList<>(web);
        all.addAll(spa);
        all.addAll(publicClient);
        return all;
    }

    private static boolean loopbackMatch(String registered, String requested) {
        try {
            URI a = new URI(registered);
            URI b = new URI(requested);
            return "http".equals(a.getScheme())
                    && "http".equals(b.getScheme())
                    && isLoopback(a.getHost())
                    && isLoopback(b.getHost())
                    && a.getHost().equals(b.getHost())
                    && same(a.getRawPath(), b.getRawPath())
                    && same(a.getRawQuery(), b.getRawQuery())
                    && b.getRawFragment() == null
                    && b.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean same(String a, String b) {
        String x = a == null || a.equals("/") ? "" : a;
        String y = b == null || b.equals("/") ? "" : b;
        return x.equals(y);
    }

    private static boolean isLoopback(String host) {
        return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
    }

    private static List<String> check(Platform platform, List<String> uris) {
        String field =
                switch (platform) {
                    case WEB -> "web.redirectUris";
                    case SPA -> "spa.redirectUris";
                    case PUBLIC_CLIENT -> "publicClient.redirectUris";
                };
        if (uris == null) {
            return List.of();
        }
        if (uris.size() > MAX_PER_PLATFORM) {
            throw invalid(field, "at most " + MAX_PER_PLATFORM + " redirect URIs may be registered per platform.");
        }
        List<String> checked = new ArrayList<>();
        for (String uri : uris) {
            if (uri == null || uri.isBlank()) {
                throw invalid(field, "a redirect URI may not be empty.");
            }
            checkOne(field, uri, Column.APPLICATION_REDIRECT_URI, platform != Platform.PUBLIC_CLIENT);
            if (!checked.contains(uri)) {
                checked.add(uri);
            }
        }
        return checked;
    }

    /**
     * Issue 11: checks a front-channel logout URL (Graph's {@code web.logoutUrl}) as a web redirect URI is checked:
     * absolute, no fragment, https (http only for localhost); null or blank means none and is returned as null.
     */
    public static String checkLogoutUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        checkOne("web.logoutUrl", url, Column.APPLICATION_LOGOUT_URL, true);
        return url;
    }

    private static void checkOne(String field, String uri, Column column, boolean httpsOrLoopback) {
        column.check(uri, field);
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw invalid(field, "'" + uri + "' is not a valid URI.");
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!parsed.isAbsolute() || parsed.getRawFragment() != null) {
            throw invalid(field, "'" + uri + "' must be an absolute URI without a fragment.");
        }
        boolean http = scheme.equals("https") || (scheme.equals("http") && isLoopback(parsed.getHost()));
        if (httpsOrLoopback && !http) {
            throw invalid(field, "'" + uri + "' must use https (http is allowed only for localhost) on this platform.");
        }
    }

    private static InvalidRequestException invalid(String field, String problem) {
        return new InvalidRequestException(
                DirectoryError.INVALID_REDIRECT_URI, "Invalid value for " + field + ": " + problem, field);
    }
}
