package dev.tenantry.identity.grants;

import dev.tenantry.shared.Secrets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A refresh token's text (issue 13): {@code FAMILY.GENERATION.SECRET}, the family's id (22 characters of base64url),
 * which token of the family it is, and 256 random bits of which the server keeps only the SHA-256. The family and
 * generation let the grant find the family by its key and tell a spent token (an earlier generation: a replay) from a
 * forged one, without an index of every token ever handed out. Opaque to clients, as Entra's are.
 */
record RefreshTokenText(UUID familyId, int generation, String secret) {

    /** Bytes of randomness in a token's secret. */
    static final int SECRET_BYTES = 32;

    private static final Pattern FORM =
            Pattern.compile("([A-Za-z0-9_-]{22})\\.(0|[1-9][0-9]{0,8})\\.([A-Za-z0-9_-]{43})");

    /** A new token of {@code familyId} at {@code generation}, with a fresh secret. */
    static RefreshTokenText mint(UUID familyId, int generation) {
        return new RefreshTokenText(familyId, generation, Secrets.random(SECRET_BYTES));
    }

    /** The text of a token this server minted; empty for anything else (a token from before V43 has no dot). */
    static Optional<RefreshTokenText> parse(String text) {
        var match = FORM.matcher(text);
        if (!match.matches()) {
            return Optional.empty();
        }
        ByteBuffer family = ByteBuffer.wrap(Base64.getUrlDecoder().decode(match.group(1)));
        return Optional.of(new RefreshTokenText(
                new UUID(family.getLong(), family.getLong()), Integer.parseInt(match.group(2)), match.group(3)));
    }

    /** Whether {@code text} is a refresh token handed out before V43: one run of base64url, no dots. */
    static boolean isLegacy(String text) {
        return text.length() == 43 && text.chars().allMatch(RefreshTokenText::base64Url);
    }

    /** What the server stores of this token. */
    String secretHash() {
        return Secrets.sha256Hex(secret);
    }

    /** The text handed to the client. */
    String text() {
        ByteBuffer family = ByteBuffer.allocate(16)
                .putLong(familyId.getMostSignificantBits())
                .putLong(familyId.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(family.array()) + "." + generation + "." + secret;
    }

    private static boolean base64Url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
