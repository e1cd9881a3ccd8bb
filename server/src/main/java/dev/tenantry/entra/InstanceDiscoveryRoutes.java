package dev.tenantry.entra;

import dev.tenantry.identity.IdentityError;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.web.BaseUrl;
import dev.tenantry.web.Gate;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Instance discovery ({@code GET /common/discovery/instance}, issue 12), which MSAL Python (and so the Azure CLI and
 * azure-identity for Python) calls on a cache miss for confidential clients ({@code api-version=1.1}) and for any
 * authority host it does not know ({@code 1.0}). Answered as Entra does: {@code tenant_discovery_endpoint} points back
 * at this server's OpenID configuration for the tenant of {@code authorization_endpoint}, and {@code metadata} names
 * this server's host as the only alias; an authorization endpoint on another host is {@code invalid_instance}.
 */
public final class InstanceDiscoveryRoutes {

    private static final Set<String> API_VERSIONS = Set.of("1.0", "1.1");

    public void register(RoutesConfig routes) {
        routes.get("/{tenant}/discovery/instance", this::instance, Gate.ANONYMOUS);
    }

    private void instance(Context ctx) {
        String version = ctx.queryParam("api-version");
        if (version == null || !API_VERSIONS.contains(version)) {
            throw new InvalidRequestException(
                    IdentityError.MISSING_PARAMETER,
                    "The request body must contain the following parameter: 'api-version' (1.0 or 1.1).",
                    "api-version");
        }
        String base = BaseUrl.of(ctx);
        URI own = URI.create(base);
        String tenant = ctx.pathParam("tenant");
        String authorize = ctx.queryParam("authorization_endpoint");
        if (authorize != null) {
            tenant = tenantOf(authorize, own);
        }
        String host = own.getRawAuthority();
        Map<String, Object> alias = new LinkedHashMap<>();
        alias.put("preferred_network", host);
        alias.put("preferred_cache", host);
        alias.put("aliases", List.of(host));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant_discovery_endpoint", base + "/" + tenant + "/v2.0/.well-known/openid-configuration");
        body.put("api-version", version);
        body.put("metadata", List.of(alias));
        ctx.header("Cache-Control", "no-store");
        ctx.json(body);
    }

    /** The tenant segment of an authorization endpoint on this server; any other host is not an instance here. */
    private static String tenantOf(String authorize, URI own) {
        try {
            URI uri = new URI(authorize);
            String path = uri.getPath() == null ? "" : uri.getPath();
            List<String> segments = List.of(path.replaceFirst("^/+", "").split("/", -1));
            boolean sameHost = "https".equalsIgnoreCase(uri.getScheme())
                    && own.getHost().equalsIgnoreCase(uri.getHost())
                    && port(own) == port(uri);
            if (sameHost && segments.size() >= 2 && !segments.get(0).isBlank() && path.contains("/oauth2/")) {
                return segments.get(0).toLowerCase(Locale.ROOT);
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new InvalidRequestException(
                EntraError.INVALID_INSTANCE,
                "Unknown or invalid instance: '" + authorize + "' is not an authorization endpoint of " + own + ".",
                "authorization_endpoint");
    }

    private static int port(URI uri) {
        return uri.getPort() == -1 ? 443 : uri.getPort();
    }
}
