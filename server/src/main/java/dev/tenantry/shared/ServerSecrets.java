package dev.tenantry.shared;

/**
 * Named random secrets the server keeps in its database, so every node signs and verifies with the same key (for
 * example the HMAC key of Graph {@code $skiptoken}s).
 */
public interface ServerSecrets {

    /**
     * The secret called {@code name}, created on first use. Concurrent first uses (on any node) all get the one value
     * that was stored first.
     *
     * @return at least 32 random bytes
     */
    byte[] secret(String name);
}
