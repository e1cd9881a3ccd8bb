package dev.tenantry.identity;

import dev.tenantry.shared.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Stores refresh token families, each with the hash of the one token of it that can still be redeemed. */
public interface RefreshTokenRepository {

    /** Stores a new family with its first token; refused when the family exists. */
    void insert(RefreshToken first);

    /** The family {@code familyId}, revoked or not. */
    Optional<RefreshToken> findFamily(UUID familyId);

    /**
     * The family of a refresh token handed out before families were stored as one row (migration V43), by the SHA-256
     * of its whole text; such a token was the family's generation 0 if it is still the family's token.
     */
    Optional<UUID> findLegacyFamily(String tokenHash);

    /**
     * Moves the family from {@code current} to {@code next} in one conditional write (issue 13: the refresh grant's
     * rotation), so a crash or a failure can neither lose the new token after spending the old one nor leave both live.
     * False, changing nothing, when the family no longer is at {@code current}'s generation and hash or was revoked (a
     * replay, or a concurrent redemption).
     */
    boolean rotate(RefreshToken current, RefreshToken next);

    /** Revokes the family. */
    void revokeFamily(UUID familyId);

    /** Revokes every family of a user; returns how many were still live. */
    int revokeAllOf(UserId userId);

    /**
     * Deletes the families whose token can never be redeemed again and need not be remembered: expired at {@code now},
     * or revoked and last issued before {@code spentBefore}; and authorization codes that expired before it. Returns
     * how many.
     */
    int deleteSpent(Instant now, Instant spentBefore);

    /** Stores an authorization code (issue 11), by the hash of its text. */
    void insertCode(AuthorizationCode code);

    /** The authorization code whose text hashes to {@code codeHash}, used or not. */
    Optional<AuthorizationCode> findCode(String codeHash);

    /** Marks an unused code used; false when it already was (a replay, or a concurrent redemption). */
    boolean spendCode(String codeHash, Instant usedAt);
}
