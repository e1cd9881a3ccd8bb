package dev.tenantry.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Failed-credential counts in the database, so every node of the server counts the same failures. */
public interface LockoutRepository {

    /** The state of {@code subject}; empty when it has no recorded failure. */
    Optional<Lockout> find(String subject);

    /**
     * Applies {@code change} to the subject's state ({@link Lockout#none} when it has none) and stores the result, as
     * one atomic step even when several nodes record failures of one subject at once.
     */
    Lockout update(String subject, UnaryOperator<Lockout> change);

    /** Forgets the subject's state (after a successful sign-in). */
    void delete(String subject);

    /** Forgets every state whose last failure is before {@code staleBefore} and that is not locked at {@code now}. */
    int deleteStale(Instant staleBefore, Instant now);
}
