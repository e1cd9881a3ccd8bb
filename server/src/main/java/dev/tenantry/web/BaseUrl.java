package dev.tenantry.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.regex.Pattern;

/**
 * The base URL a client reached this server on, so issuers and links use the host the client knows. A configured
 * public URL wins; otherwise the request's {@code Host} header, when it is a well-formed host, is used.
 */
public final class BaseUrl {

    private static final String ATTRIBUTE = "tenantry.baseUrl";
    private static final Pattern HOST = Pattern.compile("^(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9.-]+)(:\\d{1,5})?$");

    private final String configured;

    public BaseUrl(String publicUrl) {
        this.configured = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.replaceAll("/+$", "");
    }

    public void register(RoutesConfig routes) {
        routes.before(ctx -> ctx.attribute(ATTRIBUTE, compute(ctx)));
    }

    private String compute(Context ctx) {
        if (configured != null) {
            return configured;
        }
        String host = ctx.header("Host");
        if (host == null || !HOST.matcher(host).matches()) {
            host = ctx.req().getLocalName() + ":" + ctx.req().getLocalPort();
        }
        if (host.endsWith(":443")) {
            host = host.substring(0, host.length() - 4);
        }
        return "https://" + host;
    }

    /** The base URL of this request, without a trailing slash. */
    public static String of(Context ctx) {
        String value = ctx.attribute(ATTRIBUTE);
        return value != null ? value : "https://" + ctx.host();
    }
}
