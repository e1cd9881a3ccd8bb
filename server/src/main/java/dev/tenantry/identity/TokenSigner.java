package dev.tenantry.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;

/** The one seam every token is signed through: RS256 with the current signing key. */
public interface TokenSigner {

    /** How long a signed access or ID token is valid: a key must stay published at least this long after use. */
    Duration TOKEN_LIFETIME = Duration.ofHours(1);

    /** The compact serialization of {@code claims} signed with RS256, with the key's {@code kid} in the header. */
    String sign(JWTClaimsSet claims);
}
