package dev.tenantry.identity;

import dev.tenantry.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code login_hint} claim of an ID token (issue 11): an opaque, stable name of the account (the user object and
 * its directory) that an application sends back as {@code logout_hint} to sign exactly that account out, without an
 * account picker, as Entra's claim is used. Base64url of {@code O:<object id>:<tenant id>}; nothing secret.
 */
public record LoginHint(UUID objectId, TenantId tenantId) {

    private static final String PREFIX = "O:";

    /** The claim's value. */
    public String value() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + objectId + ":" + tenantId).getBytes(StandardCharsets.UTF_8));
    }

    /** The account a {@code logout_hint} names; empty when it is not a value this server issued. */
    public static Optional<LoginHint> parse(String value) {
        if (value == null || value.isBlank() || value.length() > 200) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) {
                return Optional.empty();
            }
            String[] parts = text.substring(PREFIX.length()).split(":", -1);
            if (parts.length != 2) {
                return Optional.empty();
            }
            return Optional.of(new LoginHint(UUID.fromString(parts[0]), new TenantId(UUID.fromString(parts[1]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
