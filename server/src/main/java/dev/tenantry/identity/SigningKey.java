package dev.tenantry.identity;

import java.time.Instant;

/** An RS256 signing key as stored: base64 PKCS#8 private and X.509 public DER, named by its JWK thumbprint. */
public record SigningKey(String kid, String privateDer, String publicDer, Instant createdAt, boolean active) {

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", createdAt=" + createdAt + ", active=" + active + "]";
    }
}
