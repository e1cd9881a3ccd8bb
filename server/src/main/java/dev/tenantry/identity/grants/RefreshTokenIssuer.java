package dev.tenantry.identity.grants;

import dev.tenantry.identity.RefreshToken;
import dev.tenantry.identity.RefreshTokenRepository;
import dev.tenantry.shared.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Mints refresh tokens: a random value handed to the client once and stored only as its hash, in the family of the
 * sign-in it continues, so a replayed token can end the whole session (RFC 9700 §4.14.2).
 */
final class RefreshTokenIssuer {

    private static final Duration LIFETIME = Duration.ofDays(90);
    private static final int BYTES = 32;

    private final RefreshTokenRepository refreshTokens;
    private final Clock clock;

    RefreshTokenIssuer(RefreshTokenRepository refreshTokens, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    /**
     * A new refresh token for {@code access} in the family {@code familyId}, remembering the {@code sid} of the browser
     * session the family's sign-in began in (null when none); returns the value to hand out.
     */
    String mint(DelegatedAccess access, UUID familyId, String sid) {
        String text = Secrets.random(BYTES);
        Instant now = clock.instant();
        refreshTokens.insert(new RefreshToken(
                Secrets.sha256Hex(text),
                familyId,
                access.user().tenantId(),
                access.user().id(),
                access.clientId(),
                access.scopes().raw(),
                now,
                now.plus(LIFETIME),
                null,
                false,
                sid));
        return text;
    }
}
