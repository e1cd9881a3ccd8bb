package dev.tenantry.identity;

import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * A refresh token family as stored (issue 13: one row per sign-in, rewritten in place at each rotation): the token it
 * last handed out, by its {@code generation} (0 for the first, one more at each rotation) and the SHA-256 of its
 * secret; whom and which client the family was issued to, with what scope; when that token was issued and expires;
 * whether the family was revoked; and the {@code sid} of the browser session its sign-in began in (issue 11; null for a
 * sign-in without one, such as the password grant), which ID tokens issued on refresh carry. A token of an earlier
 * generation was spent: it coming back is a replay.
 */
public record RefreshToken(
        UUID familyId,
        int generation,
        String tokenHash,
        TenantId tenantId,
        UserId userId,
        UUID clientId,
        String scope,
        Instant issuedAt,
        Instant expiresAt,
        boolean revoked,
        String sid) {

    /** The family's next token: one generation on, with its own hash, scope and lifetime, the rest unchanged. */
    public RefreshToken rotated(String nextHash, String nextScope, Instant nextIssuedAt, Instant nextExpiresAt) {
        return new RefreshToken(
                familyId,
                generation + 1,
                nextHash,
                tenantId,
                userId,
                clientId,
                nextScope,
                nextIssuedAt,
                nextExpiresAt,
                false,
                sid);
    }
}
