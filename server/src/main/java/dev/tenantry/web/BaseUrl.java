package dev.tenantry.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The base URL a client reached this server on, so issuers and links use the host the client knows. A configured
 * public URL wins, except for a request to one of the further names the server is configured to answer as ({@code
 * --hostname}, {@code --microsoft-hostnames}): a client that asked {@code login.microsoftonline.com} gets issuers on
 * {@code https://login.microsoftonline.com}. Without a public URL the request's {@code Host} header, when it is a
 * well-formed host, is used. Only names and links follow the request: no audience or permission depends on it.
 */
public final class BaseUrl {

    private static final String ATTRIBUTE = "tenantry.baseUrl";
    private final String configured;
    private final Set<String> alsoAnswered;

    public BaseUrl(String publicUrl) {
        this(publicUrl, Set.of());
    }

    /** @param alsoAnswered host names (lower case, no port) answered as themselves even when a public URL is set */
    public BaseUrl(String publicUrl, Set<String> alsoAnswered) {
        this.configured = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.replaceAll("/+$", "");
        this.alsoAnswered = Set.copyOf(alsoAnswered);
    }

    public void register(RoutesConfig routes) {
        routes.before(ctx -> ctx.attribute(ATTRIBUTE, compute(ctx)));
    }

    private String compute(Context ctx) {
        String host = ctx.header("Host");
        if (configured != null && !isAlsoAnswered(host)) {
            return configured;
        }
        if (host == null || !wellFormedHost(host)) {
            host = ctx.req().getLocalName() + ":" + ctx.req().getLocalPort();
        }
        if (host.endsWith(":443")) {
            host = host.substring(0, host.length() - 4);
        }
        return "https://" + host;
    }

    private boolean isAlsoAnswered(String host) {
        if (host == null || alsoAnswered.isEmpty() || !wellFormedHost(host)) {
            return false;
        }
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.replaceFirst(":\\d+$", "");
        return alsoAnswered.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * A host as a {@code Host} header gives it: a bracketed IPv6 address ({@code [0-9a-fA-F:.]}) or a name of letters,
     * digits, dots and hyphens, then at most a port of one to five digits (checked by hand: this runs on every request).
     */
    static boolean wellFormedHost(String host) {
        int end; // where the name or address ends, and a port may follow
        if (host.startsWith("[")) {
            end = host.indexOf(']') + 1;
            if (end < 3 || !all(host, 1, end - 1, c -> c == ':' || c == '.' || HexFormat.isHexDigit(c))) {
                return false;
            }
        } else {
            int colon = host.indexOf(':');
            end = colon < 0 ? host.length() : colon;
            if (end == 0
                    || !all(host, 0, end, c -> c == '.' || c == '-' || (c < 128 && Character.isLetterOrDigit(c)))) {
                return false;
            }
        }
        int port = host.length() - end - 1;
        return end == host.length()
                || (host.charAt(end) == ':'
                        && port >= 1
                        && port <= 5
                        && all(host, end + 1, host.length(), c -> c >= '0' && c <= '9'));
    }

    private static boolean all(String text, int from, int to, IntPredicate allowed) {
        for (int i = from; i < to; i++) {
            if (!allowed.test(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The base URL of this request, without a trailing slash. */
    public static String of(Context ctx) {
        String value = ctx.attribute(ATTRIBUTE);
        return value != null ? value : "https://" + ctx.host();
    }
}
