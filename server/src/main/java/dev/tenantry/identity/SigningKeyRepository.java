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
}
