package dev.tenantry.shared;

/** Secrets every node of the server shares (for example the key that signs paging tokens), kept in the database. */
public interface ServerSecrets {

    /** The secret named {@code name}, created with {@code bytes} random bytes on first use by any node. */
    byte[] getOrCreate(String name, int bytes);
}
