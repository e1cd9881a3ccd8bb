package dev.tenantry.web;

import dev.tenantry.shared.Caller;

/** Turns a bearer access token into the caller it was issued to, or throws an {@code AuthenticationException}. */
@FunctionalInterface
public interface BearerVerifier {

    /**
     * Verifies a token for a route.
     *
     * @param token the raw JWT
     * @param gate the route's gate, which names the resource whose audiences are accepted
     */
    Caller verify(String token, Gate gate);
}
