package dev.tenantry.identity.grants;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.identity.TokenResponse;
import dev.tenantry.identity.TokenSigner;
import dev.tenantry.shared.TenantId;
import java.text.ParseException;

/**
 * The v1.0 token endpoint's ID tokens (issue 11): the v2.0 ID token a grant issued, reshaped as Entra's v1.0 endpoint
 * issues them — {@code ver} 1.0, the v1.0 issuer ({@code https://sts.windows.net/{tid}/} in Entra, this server's
 * {@link TokenClaims#v1Issuer} form on its own host), the user name as {@code unique_name} and {@code upn} instead of
 * {@code preferred_username} — and signed again. Access and refresh tokens are the grant's, unchanged.
 */
public final class V1Tokens {

    private final TokenSigner signer;

    public V1Tokens(TokenSigner signer) {
        this.signer = signer;
    }

    /** {@code response} with its ID token (if any) in the v1.0 shape. */
    public TokenResponse v1(TokenResponse response, String baseUrl) {
        if (response.idToken() == null) {
            return response;
        }
        return new TokenResponse(
                response.accessToken(),
                response.expiresIn(),
                response.scope(),
                response.refreshToken(),
                v1IdToken(response.idToken(), baseUrl),
                response.clientInfo());
    }

    private String v1IdToken(String idToken, String baseUrl) {
        JWTClaimsSet claims;
        try {
            // the grant signed this token a moment ago in this process: its claims are read, not verified
            claims = SignedJWT.parse(idToken).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new IllegalStateException("A grant issued an ID token that does not parse", e);
        }
        Object name = claims.getClaim("preferred_username");
        TenantId tenantId = TenantId.parse((String) claims.getClaim("tid"));
        JWTClaimsSet.Builder v1 = new JWTClaimsSet.Builder(claims)
                .issuer(TokenClaims.v1Issuer(baseUrl, tenantId))
                .claim("ver", "1.0")
                .claim("preferred_username", null)
                .claim("unique_name", name);
        if (claims.getClaim("idp") == null) {
            // Entra's v1.0 ID token carries upn for members; a guest has unique_name only
            v1.claim("upn", name);
        }
        return signer.sign(v1.build());
    }
}
