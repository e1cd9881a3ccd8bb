package dev.tenantry.identity;

import dev.tenantry.shared.InvalidRequestException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The token endpoint's use case: hands each request to the {@link Grant} registered for its {@code grant_type}
 * (RFC 6749 §4, §6), and refuses a grant type no grant answers with {@code unsupported_grant_type} (§5.2).
 */
public final class TokenService {

    /** Grant types Entra answers that this server does not yet: refused with a message that says so. */
    private static final Set<String> NOT_YET =
            Set.of("authorization_code", "device_code", "urn:ietf:params:oauth:grant-type:device_code");

    private final Map<String, Grant> grants;

    /** A dispatcher over {@code grants}; two grants that answer the same grant type are a wiring mistake. */
    public TokenService(List<? extends Grant> grants) {
        Map<String, Grant> byType = new HashMap<>();
        for (Grant grant : grants) {
            if (grant.grantTypes().isEmpty()) {
                throw new IllegalArgumentException(grant.getClass().getSimpleName() + " names no grant type");
            }
            for (String type : grant.grantTypes()) {
                Grant previous = byType.putIfAbsent(type, grant);
                if (previous != null) {
                    throw new IllegalArgumentException(
                            "Both " + previous.getClass().getSimpleName() + " and "
                                    + grant.getClass().getSimpleName() + " answer the grant type '" + type + "'");
                }
            }
        }
        this.grants = Map.copyOf(byType);
    }

    /** Issues tokens for {@code request}; {@code baseUrl} is the issuer's host part. */
    public TokenResponse token(TokenRequest request, String baseUrl) {
        String type = RequiredParameter.of(request.grantType(), "grant_type");
        Grant grant = grants.get(type);
        if (grant == null) {
            throw new InvalidRequestException(
                    IdentityError.UNSUPPORTED_GRANT_TYPE,
                    NOT_YET.contains(type)
                            ? "The grant type '" + type + "' is not supported by this server yet."
                            : "The grant type '" + type + "' is not supported.");
        }
        return grant.issue(request, baseUrl);
    }
}
