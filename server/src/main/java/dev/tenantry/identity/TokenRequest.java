package dev.tenantry.identity;

/**
 * A token request as the token endpoint received it (RFC 6749 §4, §6): the tenant path segment and the form fields
 * the grants use; any may be null.
 */
public record TokenRequest(
        String tenant,
        String grantType,
        String clientId,
        String clientSecret,
        String scope,
        String username,
        String password,
        String refreshToken,
        boolean clientInfo) {

    @Override
    public String toString() {
        return "TokenRequest[tenant=" + tenant + ", grantType=" + grantType + ", clientId=" + clientId + ", scope="
                + scope + "]";
    }
}
