package dev.tenantry.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.directory.apps.KeyCredential;
import dev.tenantry.directory.apps.KeyCredentialError;
import dev.tenantry.directory.apps.KeyProof;
import dev.tenantry.shared.InvalidRequestException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Graph's proof of possession for {@code addKey}/{@code removeKey}: a JWT signed by one of the application's
 * currently valid certificates, {@code aud} {@code 00000002-0000-0000-c000-000000000000}, {@code iss} the
 * application's object id, and not expired (its lifetime at most ten minutes, as Graph requires).
 */
public final class KeyPossessionProofs implements KeyProof {

    /** The audience Graph wants in a proof: the legacy Azure AD Graph's app id. */
    public static final String AUDIENCE = "00000002-0000-0000-c000-000000000000";

    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final Duration MAX_LIFETIME = Duration.ofMinutes(10);

    private final Clock clock;

    public KeyPossessionProofs(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void verify(String proof, UUID applicationObjectId, List<KeyCredential> currentKeys) {
        Instant now = clock.instant();
        List<KeyCredential> valid =
                currentKeys.stream().filter(key -> key.validAt(now)).toList();
        if (valid.isEmpty()) {
            throw refused("The application has no valid certificate to sign the proof with. Use PATCH "
                    + "/applications/{id} with keyCredentials instead (as Graph requires for an application without "
                    + "a valid certificate).");
        }
        if (proof == null || proof.isBlank()) {
            throw refused("'proof' is required: a JWT signed by one of the application's current certificates, with "
                    + "aud '" + AUDIENCE + "' and iss the application's object id.");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(proof.strip());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw refused("'proof' is not a signed JWT.");
        }
        Optional<KeyCredential> key = CertificateKeys.named(jwt, valid);
        if (key.isEmpty() || !CertificateKeys.verifies(jwt, key.get())) {
            throw refused("'proof' is not signed (RS256 or PS256, naming the certificate by x5t or kid) by one of "
                    + "the application's current certificates.");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(AUDIENCE)) {
            throw refused("The proof's aud must be '" + AUDIENCE + "'.");
        }
        if (!applicationObjectId.toString().equalsIgnoreCase(claims.getIssuer())) {
            throw refused("The proof's iss must be the application's object id '" + applicationObjectId + "'.");
        }
        Date exp = claims.getExpirationTime();
        Date nbf = claims.getNotBeforeTime();
        if (exp == null
                || !exp.toInstant().plus(SKEW).isAfter(now)
                || (nbf != null && nbf.toInstant().minus(SKEW).isAfter(now))
                || (nbf != null
                        && Duration.between(nbf.toInstant(), exp.toInstant()).compareTo(MAX_LIFETIME) > 0)) {
            throw refused("The proof is expired or not yet valid: give it nbf and exp at most ten minutes apart, "
                    + "around the current time.");
        }
    }

    private static InvalidRequestException refused(String message) {
        return new InvalidRequestException(KeyCredentialError.INVALID_KEY_PROOF, message, "proof");
    }
}
