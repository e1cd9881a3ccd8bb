package dev.tenantry.directory.apps;

import java.time.Instant;
import java.util.UUID;

/**
 * A certificate of an app registration (Graph's {@code keyCredential} of type {@code AsymmetricX509Cert}, usage
 * {@code Verify}): the application proves itself with a client assertion signed by the certificate's private key.
 * Only the public certificate is kept; its validity is the certificate's own.
 *
 * @param thumbprintSha1 upper-case hex SHA-1 of the DER, Graph's {@code customKeyIdentifier} and a JWS {@code x5t}
 * @param thumbprintSha256 upper-case hex SHA-256 of the DER, a JWS {@code x5t#S256}
 * @param certificate the DER bytes, base64 (Graph's {@code key})
 */
public record KeyCredential(
        UUID keyId,
        String displayName,
        String thumbprintSha1,
        String thumbprintSha256,
        String certificate,
        Instant startDateTime,
        Instant endDateTime) {

    /** Graph's {@code type} of every key credential here. */
    public static final String TYPE = "AsymmetricX509Cert";

    /** Graph's {@code usage} of every key credential here. */
    public static final String USAGE = "Verify";

    /** Whether the certificate may sign at {@code now}. */
    public boolean validAt(Instant now) {
        return !startDateTime.isAfter(now) && endDateTime.isAfter(now);
    }
}
