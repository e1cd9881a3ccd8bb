package dev.tenantry.identity;

import java.time.Instant;

/**
 * An RS256 signing key as stored: base64 PKCS#8 private and X.509 public DER, named by its JWK thumbprint. An active key
 * may sign (the newest active one does); a key rotated out only verifies, until it is retired (deleted).
 *
 * @param rotatedOutAt when a rotation made it inactive; null while active (and for keys deactivated before issue 8)
 */
public record SigningKey(
        String kid, String privateDer, String publicDer, Instant createdAt, boolean active, Instant rotatedOutAt) {

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", createdAt=" + createdAt + ", active=" + active + ", rotatedOutAt="
                + rotatedOutAt + "]";
    }
}
