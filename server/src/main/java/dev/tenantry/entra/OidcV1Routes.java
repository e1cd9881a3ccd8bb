package dev.tenantry.entra;

import dev.tenantry.identity.RequiredParameter;
import dev.tenantry.identity.TokenRequest;
import dev.tenantry.identity.TokenResponse;
import dev.tenantry.identity.TokenService;
import dev.tenantry.identity.grants.V1Tokens;
import dev.tenantry.web.BaseUrl;
import dev.tenantry.web.FormBody;
import dev.tenantry.web.Gate;
import dev.tenantry.web.SlowRefusals;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The v1.0 endpoints older libraries still call (ADAL, old azure-cli, Spring's old starters; issue 11): the token
 * endpoint {@code POST /{tenant}/oauth2/token} and the authorization endpoint {@code GET /{tenant}/oauth2/authorize},
 * both naming the API by {@code resource=} instead of {@code scope=}. A resource becomes the v2.0 scope
 * {@code {resource}/.default} (so {@code https://management.core.windows.net/} becomes
 * {@code https://management.core.windows.net//.default}, as Entra spells it) and the v2.0 grants answer; the response
 * has the v1.0 shape: {@code expires_in}, {@code ext_expires_in}, {@code expires_on} and {@code not_before} as strings
 * of seconds, {@code resource}, and a v1.0 ID token ({@link V1Tokens}) for user grants.
 */
public final class OidcV1Routes {

    /** What v1.0 user grants are asked for besides the resource: v1.0 always answers an ID and a refresh token. */
    private static final String USER_SCOPES = " openid profile offline_access";

    private static final Set<String> OIDC = Set.of("openid", "profile", "email", "offline_access");

    /** The v1.0 authorization request parameters passed on to the v2.0 endpoint as they are. */
    private static final List<String> AUTHORIZE_PARAMETERS = List.of(
            "client_id",
            "response_type",
            "redirect_uri",
            "response_mode",
            "state",
            "nonce",
            "prompt",
            "login_hint",
            "domain_hint",
            "max_age",
            "code_challenge",
            "code_challenge_method");

    private final TokenService tokens;
    private final V1Tokens v1;
    private final SlowRefusals refusals;

    public OidcV1Routes(TokenService tokens, V1Tokens v1, SlowRefusals refusals) {
        this.tokens = tokens;
        this.v1 = v1;
        this.refusals = refusals;
    }

    public void register(RoutesConfig routes) {
        routes.post("/{tenant}/oauth2/token", refusals.around(this::token), Gate.ANONYMOUS);
        routes.get("/{tenant}/oauth2/authorize", this::authorize, Gate.ANONYMOUS);
    }

    private void token(Context ctx) {
        TokenRequest form = TokenForm.read(ctx);
        String resource = FormBody.of(ctx).single("resource");
        TokenRequest request = new TokenRequest(
                form.tenant(),
                form.grantType(),
                form.client(),
                scope(form.grantType(), resource, form.scope()),
                form.clientInfo(),
                form.parameters());
        String baseUrl = BaseUrl.of(ctx);
        TokenResponse response = v1.v1(tokens.token(request, baseUrl), baseUrl);
        ctx.header("Cache-Control", "no-store").header("Pragma", "no-cache").json(body(response, resource));
    }

    /**
     * The v2.0 scope of a v1.0 request: client credentials and password name their resource (AADSTS900144 without
     * it); the authorization code and refresh token grants may leave it out and keep the one they were issued for.
     */
    static String scope(String grantType, String resource, String scope) {
        boolean needsResource = "client_credentials".equals(grantType) || "password".equals(grantType);
        if (resource == null || resource.isBlank()) {
            return needsResource ? RequiredParameter.of(resource, "resource") : scope;
        }
        String v2 = resource.strip() + "/.default";
        return "client_credentials".equals(grantType) ? v2 : v2 + USER_SCOPES;
    }

    private static Map<String, Object> body(TokenResponse response, String requested) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        String scp = permissions(response.scope());
        if (!scp.isEmpty()) {
            body.put("scope", scp);
        }
        body.put("expires_in", Long.toString(response.expiresIn()));
        body.put("ext_expires_in", Long.toString(response.expiresIn()));
        body.put("expires_on", Long.toString(now + response.expiresIn()));
        body.put("not_before", Long.toString(now));
        body.put("resource", requested != null && !requested.isBlank() ? requested.strip() : resource(response));
        body.put("access_token", response.accessToken());
        OidcTokenRoutes.putTokens(body, response);
        return body;
    }

    /** The v1.0 {@code scope}: the permissions without their resource, and without the OpenID Connect scopes. */
    private static String permissions(String scope) {
        StringJoiner names = new StringJoiner(" ");
        for (String name : resourceScopes(scope)) {
            String permission = name.substring(name.lastIndexOf('/') + 1);
            if (!permission.equals(".default")) {
                names.add(permission);
            }
        }
        return names.toString();
    }

    /** The resource the v2.0 scopes were for, when the request did not name it (a code or refresh token grant). */
    private static String resource(TokenResponse response) {
        List<String> scopes = resourceScopes(response.scope());
        if (scopes.isEmpty()) {
            return "https://graph.microsoft.com";
        }
        String first = scopes.get(0);
        int slash = first.lastIndexOf('/');
        return slash < 0 ? first : first.substring(0, slash);
    }

    private static List<String> resourceScopes(String scope) {
        List<String> scopes = new ArrayList<>();
        if (scope != null) {
            for (String name : scope.trim().split("\\s+", -1)) {
                if (!name.isEmpty() && !OIDC.contains(name)) {
                    scopes.add(name);
                }
            }
        }
        return scopes;
    }

    /**
     * The v1.0 authorization request, answered by the v2.0 endpoint: {@code resource} becomes the scope
     * {@code {resource}/.default openid profile offline_access}; every other parameter is passed on unchanged. The v2.0
     * endpoint then checks the request as its own, so a public client (SPA or native redirect URI) without PKCE is
     * refused there with AADSTS9002325, and a code issued without PKCE is redeemed only with the client's secret: the
     * v1.0 path skips nothing.
     */
    private void authorize(Context ctx) {
        String resource = ctx.queryParam("resource");
        StringBuilder scope = new StringBuilder();
        if (resource != null && !resource.isBlank()) {
            scope.append(resource.strip()).append("/.default");
        }
        String asked = ctx.queryParam("scope");
        for (String name : (asked == null ? "" : asked).trim().split("\\s+", -1)) {
            if (OIDC.contains(name) && scope.indexOf(" " + name) < 0) {
                scope.append(' ').append(name);
            }
        }
        for (String name : List.of("openid", "profile", "offline_access")) {
            if (scope.indexOf(" " + name) < 0) {
                scope.append(' ').append(name);
            }
        }
        StringBuilder url = new StringBuilder("/")
                .append(encode(ctx.pathParam("tenant")))
                .append("/oauth2/v2.0/authorize?scope=")
                .append(encode(scope.toString().strip()));
        for (String name : AUTHORIZE_PARAMETERS) {
            String value = ctx.queryParam(name);
            if (value != null) {
                url.append('&').append(name).append('=').append(encode(value));
            }
        }
        ctx.redirect(url.toString(), HttpStatus.FOUND);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
