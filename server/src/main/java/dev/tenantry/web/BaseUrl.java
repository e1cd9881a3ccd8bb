package dev.tenantry.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The base URL a client reached this server on, so issuers and links use the host the client knows. A configured
 * public URL wins, except for a request to one of the further names the server is configured to answer as ({@code
 * --hostname}, {@code --microsoft-hostnames}): a client that asked {@code login.microsoftonline.com} gets issuers on
 * {@code https://login.microsoftonline.com}. Without a public URL the request's {@code Host} header, when it is a
 * well-formed host, is used. Only names and links follow the request: no audience or permission depends on it.
 */
public final class BaseUrl {

    private static final String ATTRIBUTE = "tenantry.baseUrl";
    private static final Pattern HOST = Pattern.compile("^(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9.-]+)(:\\d{1,5})?$");

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
        if (host == null || !HOST.matcher(host).matches()) {
            host = ctx.req().getLocalName() + ":" + ctx.req().getLocalPort();
        }
        if (host.endsWith(":443")) {
            host = host.substring(0, host.length() - 4);
        }
        return "https://" + host;
    }

    private boolean isAlsoAnswered(String host) {
        if (host == null || alsoAnswered.isEmpty() || !HOST.matcher(host).matches()) {
            return false;
        }
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.replaceFirst(":\\d+$", "");
        return alsoAnswered.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The base URL of this request, without a trailing slash. */
    public static String of(Context ctx) {
        String value = ctx.attribute(ATTRIBUTE);
        return value != null ? value : "https://" + ctx.host();
    }
}
