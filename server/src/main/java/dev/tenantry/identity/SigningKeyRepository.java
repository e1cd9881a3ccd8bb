package dev.tenantry.identity;

import java.util.List;

/** Stores the token signing keys every node shares. */
public interface SigningKeyRepository {

    /** Every key, newest first; empty before the first start. */
    List<SigningKey> all();

    /**
     * Stores {@code key} as the first key of the server, unless another node did so first: false when this node lost
     * the race (it must then read the winner's key).
     */
    boolean tryCreateFirst(SigningKey key);

    /**
     * Stores {@code fresh} (active) and marks every other active key rotated out at {@code fresh.createdAt()}, in one
     * transaction.
     */
    void rotate(SigningKey fresh);

    /** Deletes key {@code kid} if it is rotated out (inactive); false when there is no such key. */
    boolean deleteInactive(String kid);
}
