package dev.tenantry.compat.oidc;

import dev.tenantry.identity.AccessTokenVerifier;
import dev.tenantry.shared.Caller;
import dev.tenantry.web.BearerVerifier;
import dev.tenantry.web.Gate;
import java.util.LinkedHashSet;
import java.util.Set;

/** Verifies bearer tokens for a route: the gate's audiences, plus the server's own base URL, are accepted. */
public final class OidcBearerVerifier implements BearerVerifier {

    private final AccessTokenVerifier verifier;

    public OidcBearerVerifier(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Caller verify(String token, Gate gate, String baseUrl) {
        Set<String> audiences = new LinkedHashSet<>(gate.audiences());
        audiences.add(baseUrl);
        audiences.add(baseUrl + "/");
        return verifier.verify(token, audiences);
    }
}
