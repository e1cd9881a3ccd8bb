package dev.tenantry.directory.credentials;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Argon2id (version 0x13) itself: the raw hash of a password and salt at a given cost. Two implementations give the
 * same bytes: the reference C library (libargon2 through argon2-jvm) and Bouncy Castle's pure Java one.
 *
 * <p>Why native first (issue 13): Bouncy Castle allocates each hash's memory as 19,456 Java objects of 1 KiB; with two
 * hashes in flight a young collection finds 40 MB of them alive and copies them, so in the server's small heap garbage
 * collection took a third of the time under sign-in load and the password grant ran at half the raw hash rate.
 * libargon2's memory is native, allocated and freed once per hash, and its compression loop is faster as well.
 */
interface Argon2idFunction {

    /** The {@code length}-byte hash of {@code password} and {@code salt} at {@code memoryKib}, {@code passes}, {@code lanes}. */
    byte[] derive(byte[] password, byte[] salt, int memoryKib, int passes, int lanes, int length);

    /** What this implementation is, for the log line saying which one hashes passwords. */
    String description();

    /** The native implementation when libargon2 loads on this machine, else Bouncy Castle's; said once in the log. */
    static Argon2idFunction choose() {
        Logger log = LoggerFactory.getLogger(Argon2idFunction.class);
        try {
            Argon2idFunction loaded = NativeArgon2id.load();
            log.info("password hashes use {}", loaded.description());
            return loaded;
        } catch (IllegalStateException unavailable) {
            Argon2idFunction java = new BouncyCastleArgon2id();
            log.warn(
                    "password hashes use {}, which costs about a third more CPU per sign-in and more garbage collection:"
                            + " {}",
                    java.description(),
                    unavailable.getMessage());
            return java;
        }
    }
}
