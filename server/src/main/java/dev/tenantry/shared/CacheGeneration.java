package dev.tenantry.shared;

/**
 * The generation of what the token path caches, shared by every node (issue 13): writes move it on, readers drop their
 * cache when it moved. In SQL it is one row, moved on after the writing transaction commits.
 */
public interface CacheGeneration {

    /** No shared generation: nothing may be cached. */
    CacheGeneration NONE = new CacheGeneration() {
        @Override
        public long current() {
            return 0;
        }

        @Override
        public void bump() {}

        @Override
        public long localBumps() {
            return 0;
        }

        @Override
        public boolean enabled() {
            return false;
        }
    };

    /** The shared generation now (in SQL, one read of the database). */
    long current();

    /** Moves the generation on once the current transaction commits (at once outside a transaction). */
    void bump();

    /** How many bumps this node has finished; cheap to read, so a node sees its own writes at once. */
    long localBumps();

    /** Whether caches may rely on this generation. */
    default boolean enabled() {
        return true;
    }
}
