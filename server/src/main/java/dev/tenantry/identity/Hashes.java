package dev.tenantry.identity;

import dev.tenantry.shared.Secrets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** The base64url SHA-256 hashes of OAuth: PKCE's {@code S256} (RFC 7636 §4.2) and OIDC's {@code at_hash}/{@code c_hash}. */
public final class Hashes {

    private Hashes() {}

    /** {@code BASE64URL(SHA256(ASCII(value)))}, the {@code S256} code challenge of a verifier. */
    public static String s256(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(value));
    }

    /** The base64url left half of the SHA-256 of {@code value}: {@code at_hash} and {@code c_hash} for RS256. */
    public static String leftHalf(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha256(value), 16));
    }

    private static byte[] sha256(String value) {
        // the values hashed here are ASCII, whose UTF-8 bytes are the same
        return HexFormat.of().parseHex(Secrets.sha256Hex(value));
    }
}
