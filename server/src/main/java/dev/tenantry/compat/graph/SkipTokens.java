package dev.tenantry.compat.graph;

import dev.tenantry.shared.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, signed Graph {@code $skiptoken}s over a keyset page key: {@code base64url(key).base64url(HMAC-SHA256)}. A
 * client can only hand back a token the server made, so a tampered token is a 400, never a scan of arbitrary keys.
 */
final class SkipTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String PURPOSE = "graph.skiptoken.v1\n";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Supplier<byte[]> key;
    private volatile SecretKeySpec spec;

    /** Signs with the key {@code key} supplies; it is asked once, on first use. */
    SkipTokens(Supplier<byte[]> key) {
        this.key = key;
    }

    String sign(String pageKey) {
        byte[] payload = pageKey.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The page key inside {@code token}, or a 400 when the token was not made by this server. */
    String verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            throw invalid();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(payload))) {
                throw invalid();
            }
            return new String(payload, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(spec());
            mac.update(PURPOSE.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private SecretKeySpec spec() {
        SecretKeySpec current = spec;
        if (current == null) {
            current = new SecretKeySpec(key.get(), ALGORITHM);
            spec = current;
        }
        return current;
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException(
                "invalid_skiptoken",
                "The $skiptoken is not valid: follow @odata.nextLink exactly as the server returned it.");
    }
}
