package dev.tenantry.identity;

import java.time.Instant;

/**
 * The client assertion ids ({@code jti}) already used, kept until the assertion could no longer be accepted anyway,
 * in the database so every node refuses a replay (issue 11).
 */
public interface ClientAssertionReplays {

    /**
     * Records {@code jtiHash} until {@code expiresAt}; false when it is recorded already and not expired at
     * {@code now}. Records expired at {@code now} are forgotten. Two concurrent calls never both answer true.
     */
    boolean firstUse(String jtiHash, Instant expiresAt, Instant now);
}
