package dev.tenantry.entra;

import dev.tenantry.directory.User;
import dev.tenantry.directory.users.UserService;
import dev.tenantry.identity.AccessTokenVerifier;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.Caller;
import dev.tenantry.web.Gate;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OpenID Connect's userinfo endpoint (issue 11) at the path the discovery document advertises, {@code /oidc/userinfo}
 * (GET and POST, RFC 6750 bearer token of Microsoft Graph): the claims Entra returns ({@code sub} as in the ID token,
 * {@code name}, {@code given_name}, {@code family_name}, {@code email}, {@code picture}).
 */
public final class OidcUserInfoRoutes {

    private final AccessTokenVerifier tokens;
    private final UserService users;

    public OidcUserInfoRoutes(AccessTokenVerifier tokens, UserService users) {
        this.tokens = tokens;
        this.users = users;
    }

    public void register(RoutesConfig routes) {
        routes.get("/oidc/userinfo", this::userInfo, Gate.ANONYMOUS);
        routes.post("/oidc/userinfo", this::userInfo, Gate.ANONYMOUS);
    }

    private void userInfo(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            unauthorized(ctx, "invalid_request", "Send the access token in an 'Authorization: Bearer' header.");
            return;
        }
        AccessTokenVerifier.Subject subject;
        try {
            subject = tokens.subject(header.substring(7).strip());
        } catch (AuthenticationException e) {
            unauthorized(ctx, "invalid_token", e.getMessage());
            return;
        }
        if (!(subject.caller() instanceof Caller.User caller)) {
            unauthorized(ctx, "invalid_token", "An application's own token has no user to describe.");
            return;
        }
        User user = users.getUser(caller, caller.tenantId(), caller.userId().toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub", subject.sub());
        body.put("name", user.displayName());
        if (user.surname() != null) {
            body.put("family_name", user.surname());
        }
        if (user.givenName() != null) {
            body.put("given_name", user.givenName());
        }
        body.put("picture", "https://graph.microsoft.com/v1.0/me/photo/$value");
        if (user.mail() != null) {
            body.put("email", user.mail());
        }
        ctx.header("Cache-Control", "no-store").json(body);
    }

    private static void unauthorized(Context ctx, String error, String description) {
        String safe = description.replace("\"", "'").replace("\\", "/");
        ctx.header("WWW-Authenticate", "Bearer error=\"" + error + "\", error_description=\"" + safe + "\"")
                .status(HttpStatus.UNAUTHORIZED)
                .json(Map.of("error", error, "error_description", description));
    }
}
