package dev.tenantry.entra;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.Tenant;
import dev.tenantry.directory.tenants.TenantService;
import dev.tenantry.identity.SigningKeys;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.web.BaseUrl;
import dev.tenantry.web.Gate;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** OpenID Connect discovery, the JWKS and the user realm endpoint of the identity platform (compat §3.1, §3.7). */
public final class OidcDiscoveryRoutes {

    private final TenantService tenants;
    private final SigningKeys keys;

    public OidcDiscoveryRoutes(TenantService tenants, SigningKeys keys) {
        this.tenants = tenants;
        this.keys = keys;
    }

    public void register(RoutesConfig routes) {
        routes.get("/{tenant}/v2.0/.well-known/openid-configuration", this::configuration, Gate.ANONYMOUS);
        routes.get("/{tenant}/discovery/v2.0/keys", this::keys, Gate.ANONYMOUS);
        routes.get("/{tenant}/.well-known/openid-configuration", this::v1Configuration, Gate.ANONYMOUS);
        routes.get("/{tenant}/discovery/keys", this::keys, Gate.ANONYMOUS);
        routes.get("/common/userrealm/{username}", this::userRealm, Gate.ANONYMOUS);
    }

    private void configuration(Context ctx) {
        String tenant = ctx.pathParam("tenant").toLowerCase(Locale.ROOT);
        String issuerTenant = tenantSegment(tenant);
        String pathTenant = issuerTenant.equals("{tenantid}") ? tenant : issuerTenant;
        ctx.json(document(BaseUrl.of(ctx), pathTenant, issuerTenant));
    }

    /**
     * The v1.0 discovery document (issue 11), for libraries configured with the authority without {@code /v2.0}: the
     * v1.0 token and authorization endpoints ({@link OidcV1Routes}) and the v1.0 issuer. Entra's is
     * {@code https://sts.windows.net/{tenantid}/}; this server's is the same shape on its own host, as its v1.0 tokens
     * carry it. It advertises only endpoints that exist here.
     */
    private void v1Configuration(Context ctx) {
        String tenant = ctx.pathParam("tenant").toLowerCase(Locale.ROOT);
        String issuerTenant = tenantSegment(tenant);
        String pathTenant = issuerTenant.equals("{tenantid}") ? tenant : issuerTenant;
        String base = BaseUrl.of(ctx);
        String prefix = base + "/" + pathTenant;
        Map<String, Object> doc = begin(prefix + "/oauth2/token", base + "/common/discovery/keys");
        doc.put("scopes_supported", List.of("openid"));
        doc.put("issuer", base + "/" + issuerTenant + "/");
        doc.put("authorization_endpoint", prefix + "/oauth2/authorize");
        doc.put("userinfo_endpoint", base + "/oidc/userinfo");
        doc.put(
                "claims_supported",
                List.of(
                        "sub",
                        "iss",
                        "aud",
                        "exp",
                        "iat",
                        "auth_time",
                        "acr",
                        "amr",
                        "nonce",
                        "email",
                        "given_name",
                        "family_name",
                        "nickname",
                        "oid",
                        "tid",
                        "upn",
                        "unique_name",
                        "ver"));
        cloud(doc);
        ctx.json(doc);
    }

    private void keys(Context ctx) {
        tenantSegment(ctx.pathParam("tenant"));
        ctx.json(keys.jwks());
    }

    private void userRealm(Context ctx) {
        String username = ctx.pathParam("username");
        int at = username.lastIndexOf('@');
        String domain = at < 0 ? "" : username.substring(at + 1).toLowerCase(Locale.ROOT);
        Map<String, Object> realm = new LinkedHashMap<>();
        realm.put("ver", "1.0");
        if (!domain.isEmpty() && tenants.findTenant(domain).isPresent()) {
            realm.put("account_type", "Managed");
            realm.put("domain_name", domain);
        } else {
            realm.put("account_type", "Unknown");
        }
        realm.put("cloud_instance_name", "microsoftonline.com");
        realm.put("cloud_audience_urn", "urn:federation:MicrosoftOnline");
        ctx.json(realm);
    }

    /** The tenant id for a known directory, {@code {tenantid}} for common/organizations; else invalid_tenant. */
    private String tenantSegment(String tenant) {
        String lower = tenant.toLowerCase(Locale.ROOT);
        if (lower.equals("common") || lower.equals("organizations")) {
            return "{tenantid}";
        }
        return tenants.findTenant(lower)
                .map(Tenant::id)
                .map(Object::toString)
                .orElseThrow(() -> new NotFoundException(
                        DirectoryError.TENANT_NOT_FOUND,
                        "Tenant '" + tenant + "' not found. Check to make sure you have the correct tenant ID and "
                                + "are signing into the correct cloud."));
    }

    /** The fields both discovery documents open with: the token endpoint, the keys and what they support. */
    private static Map<String, Object> begin(String tokenEndpoint, String jwksUri) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("token_endpoint", tokenEndpoint);
        doc.put(
                "token_endpoint_auth_methods_supported",
                List.of("client_secret_post", "private_key_jwt", "client_secret_basic"));
        doc.put("jwks_uri", jwksUri);
        doc.put("response_modes_supported", List.of("query", "fragment", "form_post"));
        doc.put("subject_types_supported", List.of("pairwise"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("response_types_supported", List.of("code", "id_token", "code id_token", "id_token token"));
        return doc;
    }

    /** The fields both discovery documents close with: the cloud this server stands in for. */
    private static void cloud(Map<String, Object> doc) {
        doc.put("tenant_region_scope", "NA");
        doc.put("cloud_instance_name", "microsoftonline.com");
        doc.put("cloud_graph_host_name", "graph.windows.net");
        doc.put("msgraph_host", "graph.microsoft.com");
        doc.put("rbac_url", "https://pas.windows.net");
    }

    private static Map<String, Object> document(String base, String pathTenant, String issuerTenant) {
        String prefix = base + "/" + pathTenant;
        Map<String, Object> doc = begin(prefix + "/oauth2/v2.0/token", prefix + "/discovery/v2.0/keys");
        doc.put("scopes_supported", List.of("openid", "profile", "email", "offline_access"));
        doc.put("issuer", base + "/" + issuerTenant + "/v2.0");
        doc.put("request_uri_parameter_supported", false);
        doc.put("userinfo_endpoint", base + "/oidc/userinfo");
        doc.put("authorization_endpoint", prefix + "/oauth2/v2.0/authorize");
        doc.put("device_authorization_endpoint", prefix + "/oauth2/v2.0/devicecode");
        doc.put("http_logout_supported", true);
        // issue 11: the logout page loads each signed-in app's web.logoutUrl in an iframe with sid and iss; ID tokens
        // carry no sid yet, so frontchannel_logout_session_supported (which promises it there) is not advertised
        doc.put("frontchannel_logout_supported", true);
        doc.put("end_session_endpoint", prefix + "/oauth2/v2.0/logout");
        doc.put(
                "claims_supported",
                List.of(
                        "sub",
                        "iss",
                        "cloud_instance_name",
                        "cloud_instance_host_name",
                        "cloud_graph_host_name",
                        "msgraph_host",
                        "aud",
                        "exp",
                        "iat",
                        "auth_time",
                        "acr",
                        "nonce",
                        "preferred_username",
                        "name",
                        "tid",
                        "ver",
                        "at_hash",
                        "c_hash",
                        "email"));
        cloud(doc);
        return doc;
    }
}
