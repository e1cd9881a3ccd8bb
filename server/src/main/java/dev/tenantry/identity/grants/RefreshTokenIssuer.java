package dev.tenantry.identity.grants;

import dev.tenantry.identity.RefreshToken;
import dev.tenantry.identity.RefreshTokenRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Mints refresh tokens: a random secret handed to the client once and stored only as its hash, in the family of the
 * sign-in it continues, so a replayed token can end the whole session (RFC 9700 §4.14.2).
 */
final class RefreshTokenIssuer {

    private static final Duration LIFETIME = Duration.ofDays(90);

    private final RefreshTokenRepository refreshTokens;
    private final Clock clock;

    RefreshTokenIssuer(RefreshTokenRepository refreshTokens, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    /**
     * The first refresh token of the family {@code familyId} for {@code access}, remembering the {@code sid} of the
     * browser session the family's sign-in began in (null when none), stored; returns the value to hand out.
     */
    String mint(DelegatedAccess access, UUID familyId, String sid) {
        RefreshTokenText text = RefreshTokenText.mint(familyId, 0);
        Instant now = clock.instant();
        refreshTokens.insert(new RefreshToken(
                familyId,
                0,
                text.secretHash(),
                access.user().tenantId(),
                access.user().id(),
                access.clientId(),
                access.scopes().raw(),
                now,
                now.plus(LIFETIME),
                false,
                sid));
        return text.text();
    }

    /**
     * The token after {@code current} in its family, for {@code access}, not yet stored: the refresh grant stores it in
     * the same step as it spends the presented one ({@link RefreshTokenRepository#rotate}).
     */
    Minted next(DelegatedAccess access, RefreshToken current) {
        RefreshTokenText text = RefreshTokenText.mint(current.familyId(), current.generation() + 1);
        Instant now = clock.instant();
        return new Minted(
                text.text(), current.rotated(text.secretHash(), access.scopes().raw(), now, now.plus(LIFETIME)));
    }

    /** A refresh token's value, handed out once, and the family as it stores it. */
    record Minted(String text, RefreshToken stored) {}
}
