package dev.tenantry.identity;

import dev.tenantry.shared.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Stores refresh tokens by hash. */
public interface RefreshTokenRepository {

    void insert(RefreshToken token);

    Optional<RefreshToken> findByHash(String tokenHash);

    /** Marks an unused, unrevoked token used; false when it already was (a replay, or a concurrent redemption). */
    boolean markUsed(String tokenHash, Instant usedAt);

    /**
     * Spends {@code spentHash} and stores {@code next} in one transaction (issue 13): the refresh grant's rotation, so a
     * crash or a failure between the two can neither lose the new token after spending the old one (the client's retry
     * would then look like a replay and end the session) nor leave both live. False, storing nothing, when
     * {@code spentHash} was already used or revoked (a replay, or a concurrent redemption).
     */
    boolean rotate(String spentHash, Instant usedAt, RefreshToken next);

    /** Revokes every token of the family. */
    void revokeFamily(UUID familyId);

    /** Revokes every token of a user, in every family; returns how many were still live. */
    int revokeAllOf(UserId userId);

    /**
     * Deletes the tokens that can never be redeemed again and need not be remembered: expired at {@code now}, used
     * before {@code spentBefore}, or revoked and issued before it. Returns how many.
     */
    int deleteSpent(Instant now, Instant spentBefore);

    /** Stores an authorization code (issue 11), by the hash of its text. */
    void insertCode(AuthorizationCode code);

    /** The authorization code whose text hashes to {@code codeHash}, used or not. */
    Optional<AuthorizationCode> findCode(String codeHash);

    /** Marks an unused code used; false when it already was (a replay, or a concurrent redemption). */
    boolean spendCode(String codeHash, Instant usedAt);
}
