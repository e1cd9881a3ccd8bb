package dev.tenantry.directory;

/** Hashes and checks passwords; implementations compare in constant time. */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String encodedHash);

    /** Spends the time of one check against nothing, so an unknown user answers as slowly as a wrong password. */
    void burnOneCheck(String password);

    /**
     * Refuses at once, as a check itself would be refused, when no check can be taken now (a bounded hasher's workers
     * and queue are full), so a caller can say so before the reads a check needs; nothing otherwise.
     */
    default void requireCapacity() {}
}
