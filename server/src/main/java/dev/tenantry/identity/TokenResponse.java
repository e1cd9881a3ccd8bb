package dev.tenantry.identity;

/**
 * A successful token response (compat §3.4); {@code refreshToken}, {@code idToken} and {@code clientInfo} are null
 * for app-only tokens or when not asked for.
 */
public record TokenResponse(
        String accessToken, long expiresIn, String scope, String refreshToken, String idToken, String clientInfo) {

    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + ", scope=" + scope + "]";
    }
}
