package dev.tenantry.identity;

import com.nimbusds.jwt.JWTClaimsSet;

/** The one seam every token is signed through: RS256 with the current signing key. */
public interface TokenSigner {

    /** The compact serialization of {@code claims} signed with RS256, with the key's {@code kid} in the header. */
    String sign(JWTClaimsSet claims);
}
