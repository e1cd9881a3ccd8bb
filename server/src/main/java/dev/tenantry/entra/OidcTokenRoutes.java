package dev.tenantry.entra;

import dev.tenantry.identity.TokenRequest;
import dev.tenantry.identity.TokenResponse;
import dev.tenantry.identity.TokenService;
import dev.tenantry.web.BaseUrl;
import dev.tenantry.web.Gate;
import dev.tenantry.web.SlowRefusals;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** The token endpoint {@code POST /{tenant}/oauth2/v2.0/token} (compat §3.3, §3.4); unknown form fields are ignored. */
public final class OidcTokenRoutes {

    private final TokenService tokens;
    private final SlowRefusals refusals;

    public OidcTokenRoutes(TokenService tokens, SlowRefusals refusals) {
        this.tokens = tokens;
        this.refusals = refusals;
    }

    public void register(RoutesConfig routes) {
        routes.post("/{tenant}/oauth2/v2.0/token", refusals.around(this::token), Gate.ANONYMOUS);
    }

    private void token(Context ctx) {
        TokenRequest request = TokenForm.read(ctx);
        TokenResponse response = tokens.token(request, BaseUrl.of(ctx));
        ctx.header("Cache-Control", "no-store").header("Pragma", "no-cache").json(body(response));
    }

    private static Map<String, Object> body(TokenResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("scope", response.scope());
        body.put("expires_in", response.expiresIn());
        body.put("ext_expires_in", response.expiresIn());
        body.put("access_token", response.accessToken());
        putTokens(body, response);
        return body;
    }

    /** The optional tail of a token response, the same in v2.0 and v1.0: refresh token, ID token, client info. */
    static void putTokens(Map<String, Object> body, TokenResponse response) {
        if (response.refreshToken() != null) {
            body.put("refresh_token", response.refreshToken());
        }
        if (response.idToken() != null) {
            body.put("id_token", response.idToken());
        }
        if (response.clientInfo() != null) {
            body.put("client_info", response.clientInfo());
        }
    }
}
