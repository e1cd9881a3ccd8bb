package dev.tenantry.junit;

/** What each test starts from; the server itself is started once per test class. */
public enum ResetMode {
    /** Before each test, the database goes back to the seed (a snapshot restore, not a restart). The default. */
    SEED_BEFORE_EACH_TEST,
    /** Tests of a class share one directory and see each other's changes. */
    SHARED_BY_CLASS,
    /** Each test gets a new server with a fresh in-memory database, seeded again. */
    FRESH_SERVER_PER_TEST
}
