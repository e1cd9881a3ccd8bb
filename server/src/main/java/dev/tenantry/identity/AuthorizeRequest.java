package dev.tenantry.identity;

/**
 * An authorization request as {@code GET /{tenant}/oauth2/v2.0/authorize} received it (RFC 6749 §4.1.1, OpenID
 * Connect Core §3.1.2.1, RFC 7636 §4.3); any value may be null. Its {@code toString} names no hint or nonce.
 */
public record AuthorizeRequest(
        String tenant,
        String clientId,
        String redirectUri,
        String responseType,
        String responseMode,
        String scope,
        String state,
        String nonce,
        String prompt,
        String loginHint,
        String domainHint,
        String maxAge,
        String codeChallenge,
        String codeChallengeMethod) {

    @Override
    public String toString() {
        return "AuthorizeRequest[tenant=" + tenant + ", clientId=" + clientId + ", responseType=" + responseType
                + ", responseMode=" + responseMode + ", scope=" + scope + ", prompt=" + prompt + "]";
    }
}
