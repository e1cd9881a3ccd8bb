package dev.tenantry.entra;

import dev.tenantry.identity.AccessTokenVerifier;
import dev.tenantry.identity.ProtectedResource;
import dev.tenantry.shared.Caller;
import dev.tenantry.web.BearerVerifier;
import dev.tenantry.web.Gate;

/**
 * Verifies bearer tokens for a route: Graph routes accept Microsoft Graph tokens, management routes Azure Resource
 * Manager tokens; the audiences are configured, never taken from the request.
 */
public final class OidcBearerVerifier implements BearerVerifier {

    private final AccessTokenVerifier verifier;

    public OidcBearerVerifier(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Caller verify(String token, Gate gate) {
        ProtectedResource resource =
                switch (gate) {
                    case GRAPH -> ProtectedResource.GRAPH;
                    case MANAGEMENT -> ProtectedResource.MANAGEMENT;
                    case ANONYMOUS -> throw new IllegalArgumentException("anonymous routes take no token");
                };
        return verifier.verify(token, resource);
    }
}
