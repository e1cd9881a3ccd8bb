package dev.tenantry.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.directory.apps.KeyCredential;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the application certificate a JWS names ({@code x5t}, {@code x5t#S256}, or a {@code kid} holding the hex
 * SHA-1 thumbprint, as .NET's {@code X509SigningCredentials} sets it) and checks the signature with it (RS256, PS256).
 */
public final class CertificateKeys {

    /** The algorithms a certificate's RSA key may sign client assertions and proofs with. */
    public static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256);

    private CertificateKeys() {}

    /** The thumbprint the JWS header names, as upper-case hex, for messages; empty when it names none. */
    public static Optional<String> thumbprintOf(SignedJWT jwt) {
        Map<String, Object> header = jwt.getHeader().toJSONObject();
        for (String name : List.of("x5t", "x5t#S256")) {
            if (header.get(name) instanceof String value) {
                return Optional.of(decode(value)
                        .map(HexFormat.of().withUpperCase()::formatHex)
                        .orElse("(not base64)"));
            }
        }
        if (jwt.getHeader().getKeyID() != null) {
            return Optional.of(jwt.getHeader().getKeyID().toUpperCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    /** base64url as RFC 7515 wants it, or standard base64 with padding, as MSAL4J 1.26 sends {@code x5t}. */
    private static Optional<byte[]> decode(String value) {
        try {
            return Optional.of(Base64.getUrlDecoder().decode(value));
        } catch (IllegalArgumentException notUrl) {
            try {
                return Optional.of(Base64.getDecoder().decode(value));
            } catch (IllegalArgumentException notStandard) {
                return Optional.empty();
            }
        }
    }

    /** The certificate of {@code keys} whose SHA-1 or SHA-256 thumbprint the header names. */
    public static Optional<KeyCredential> named(SignedJWT jwt, List<KeyCredential> keys) {
        Optional<String> thumbprint = thumbprintOf(jwt);
        if (thumbprint.isEmpty()) {
            return Optional.empty();
        }
        String wanted = thumbprint.get();
        return keys.stream()
                .filter(key -> key.thumbprintSha1().equals(wanted)
                        || key.thumbprintSha256().equals(wanted))
                .findFirst();
    }

    /** Whether {@code jwt} is signed with an allowed algorithm by the private key of {@code key}'s certificate. */
    public static boolean verifies(SignedJWT jwt, KeyCredential key) {
        if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
            return false;
        }
        try {
            RSAPublicKey publicKey = (RSAPublicKey) CertificateFactory.getInstance("X.509")
                    .generateCertificate(
                            new ByteArrayInputStream(Base64.getDecoder().decode(key.certificate())))
                    .getPublicKey();
            return jwt.verify(new RSASSAVerifier(publicKey));
        } catch (CertificateException | JOSEException | ClassCastException e) {
            return false;
        }
    }
}
