package dev.tenantry.directory.credentials;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Argon2id by the reference C library, libargon2, through argon2-jvm (JNA). See {@link Argon2idFunction}. */
final class NativeArgon2id implements Argon2idFunction {

    private final Argon2Advanced argon2;

    private NativeArgon2id(Argon2Advanced argon2) {
        this.argon2 = argon2;
    }

    /**
     * The native function, once it has given Bouncy Castle's bytes for a known input.
     *
     * @throws IllegalStateException saying why not: no libargon2 for this platform, JNA cannot load (no writable
     *     temporary directory for its library), or the bytes differ
     */
    static Argon2idFunction load() {
        byte[] password = "a known input".getBytes(StandardCharsets.UTF_8);
        byte[] salt = new byte[16];
        NativeArgon2id candidate;
        byte[] actual;
        try {
            candidate = new NativeArgon2id(Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id));
            actual = candidate.derive(password, salt, 64, 1, 1, 32);
        } catch (LinkageError | RuntimeException unavailable) {
            throw new IllegalStateException(
                    "the native Argon2 library did not load on this platform (" + unavailable + ")", unavailable);
        }
        if (!Arrays.equals(actual, new BouncyCastleArgon2id().derive(password, salt, 64, 1, 1, 32))) {
            throw new IllegalStateException("the native Argon2 library and Bouncy Castle disagree on a known input");
        }
        return candidate;
    }

    @Override
    public byte[] derive(byte[] password, byte[] salt, int memoryKib, int passes, int lanes, int length) {
        return argon2.pbkdf(passes, memoryKib, lanes, password, salt, length);
    }

    @Override
    public String description() {
        return "the reference Argon2 library (libargon2, native)";
    }
}
