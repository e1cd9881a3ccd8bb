package dev.tenantry.web;

import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.RequestError;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Set;

/** Authenticates bearer tokens before matched routes and keeps the {@link Caller} on the request. */
public final class Authentication {

    private static final String CALLER = "tenantry.caller";

    private final BearerVerifier verifier;

    public Authentication(BearerVerifier verifier) {
        this.verifier = verifier;
    }

    public void register(RoutesConfig routes) {
        routes.beforeMatched(this::authenticate);
    }

    private void authenticate(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        Gate gate = roles.stream()
                .filter(Gate.class::isInstance)
                .map(Gate.class::cast)
                .findFirst()
                .orElse(Gate.ANONYMOUS);
        if (gate == Gate.ANONYMOUS) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new AuthenticationException(
                    RequestError.MISSING_TOKEN, "Send an access token in an 'Authorization: Bearer …' header.");
        }
        String token = BearerTokens.requireWellFormed(header.substring(7).strip());
        ctx.attribute(CALLER, verifier.verify(token, gate));
    }

    /** The authenticated caller of a gated route. */
    public static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new AuthenticationException(RequestError.MISSING_TOKEN, "This request needs an access token.");
        }
        return caller;
    }
}
