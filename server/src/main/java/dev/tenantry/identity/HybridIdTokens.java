package dev.tenantry.identity;

import dev.tenantry.shared.Caller;
import java.util.UUID;

/**
 * The ID token the authorization endpoint returns with the code in the hybrid flow ({@code response_type=code
 * id_token}, OpenID Connect Core §3.3.2.11): the user's, for the client, with the request's {@code nonce} and the
 * code's {@code c_hash}.
 */
@FunctionalInterface
public interface HybridIdTokens {

    /** No hybrid flow: refused before anything is issued. */
    HybridIdTokens NONE = (user, clientId, nonce, code, baseUrl, sid) -> {
        throw new IllegalStateException("the hybrid flow is not wired");
    };

    /** The ID token, with {@code sid} (the browser session's, for front-channel logout) when not null. */
    String idToken(Caller.User user, UUID clientId, String nonce, String code, String baseUrl, String sid);
}
