package dev.tenantry.web;

import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.ServerSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, signed values: {@code $skiptoken}s for keyset paging (the key to continue after) and the CSRF cookie of
 * visitors without a session, each tagged with an HMAC for its purpose so a client cannot forge one. The key is
 * shared by every node through the database.
 */
public final class PageTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final ServerSecrets secrets;

    public PageTokens(ServerSecrets secrets) {
        this.secrets = secrets;
    }

    /** A token for continuing after {@code key} in the list named {@code purpose}. */
    public String seal(String purpose, String key) {
        byte[] payload = key.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(purpose, payload));
    }

    /** The key a token continues after; a token that was not made here, or for another list, is a 400. */
    public String open(String purpose, String token) {
        return tryOpen(purpose, token)
                .orElseThrow(() -> new InvalidRequestException(
                        WebError.INVALID_SKIPTOKEN,
                        "The $skiptoken is not valid here; follow the nextLink of the previous page."));
    }

    /** What {@link #seal} sealed for {@code purpose}; empty for a token made elsewhere, for another purpose, or bent. */
    public Optional<String> tryOpen(String purpose, String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        try {
            if (parts.length == 2) {
                byte[] payload = DECODER.decode(parts[0]);
                if (MessageDigest.isEqual(mac(purpose, payload), DECODER.decode(parts[1]))) {
                    return Optional.of(new String(payload, StandardCharsets.UTF_8));
                }
            }
        } catch (IllegalArgumentException ignored) {
            // not base64url: the same answer as a bad signature
        }
        return Optional.empty();
    }

    private byte[] mac(String purpose, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.getOrCreate("page-token-key", 32), "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(payload), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
