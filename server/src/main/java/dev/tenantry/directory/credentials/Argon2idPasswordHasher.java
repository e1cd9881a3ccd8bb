package dev.tenantry.directory.credentials;

import dev.tenantry.directory.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}), with OWASP's
 * recommended cost (19 MiB, 2 passes, 1 lane). Stored hashes keep their own parameters, so the cost can rise later.
 *
 * <p>The hash itself comes from {@link Argon2idFunction}: the native reference library where it loads, else Bouncy
 * Castle; both give the same bytes, so hashes move freely between servers that use either.
 */
public final class Argon2idPasswordHasher implements PasswordHasher {

    private static final Pattern PHC =
            Pattern.compile("^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)$");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random = new SecureRandom();
    // made on first use, not at start-up: hashing costs a fifth of a second and most starts never need it
    private volatile String dummyHash;

    public Argon2idPasswordHasher() {
        this(19 * 1024, 2, 1);
    }

    public Argon2idPasswordHasher(int memoryKib, int iterations, int parallelism) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    /**
     * Why {@code encoded} is not a hash this hasher can check, or empty when it is one: Argon2id (version 19) in the PHC
     * format, with a cost a sign-in can afford (at most 1 GiB, 10 passes, 16 lanes).
     */
    public static Optional<String> problemOf(String encoded) {
        Matcher phc = PHC.matcher(encoded == null ? "" : encoded);
        if (!phc.matches()) {
            return Optional.of("not an Argon2id hash in the PHC format this server writes:"
                    + " $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt, base64>$<hash, base64> (other formats, such"
                    + " as bcrypt or PBKDF2, are not supported)");
        }
        long memory = Long.parseLong(phc.group(1));
        long passes = Long.parseLong(phc.group(2));
        long lanes = Long.parseLong(phc.group(3));
        if (memory > 1024 * 1024 || passes > 10 || lanes > 16 || passes < 1 || lanes < 1 || memory < 8 * lanes) {
            return Optional.of("the Argon2id cost m=" + memory + ",t=" + passes + ",p=" + lanes
                    + " is out of bounds: m from 8·p to 1048576 KiB, t from 1 to 10, p from 1 to 16");
        }
        return Optional.empty();
    }

    @Override
    public String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKib, iterations, parallelism, 32);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    @Override
    public boolean matches(String password, String encodedHash) {
        if (encodedHash != null && encodedHash.startsWith(TestModePasswordHasher.PREFIX)) {
            throw new IllegalStateException("This password hash was made by a server in test mode (a cheap hash for"
                    + " test suites) and is refused outside test mode: set the password again on this server, or run"
                    + " it with --test-mode.");
        }
        Matcher phc = PHC.matcher(encodedHash == null ? "" : encodedHash);
        if (!phc.matches()) {
            return false;
        }
        byte[] expected = B64_DECODER.decode(phc.group(5));
        byte[] actual = derive(
                password,
                B64_DECODER.decode(phc.group(4)),
                Integer.parseInt(phc.group(1)),
                Integer.parseInt(phc.group(2)),
                Integer.parseInt(phc.group(3)),
                expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    @Override
    public void burnOneCheck(String password) {
        String dummy = dummyHash;
        if (dummy == null) {
            dummy = hash("not a password of anyone");
            dummyHash = dummy;
        }
        matches(password == null ? "" : password, dummy);
    }

    private static byte[] derive(String password, byte[] salt, int memory, int passes, int lanes, int length) {
        return Best.FUNCTION.derive(password.getBytes(StandardCharsets.UTF_8), salt, memory, passes, lanes, length);
    }

    /** The holder idiom: the native library is looked for at the first hash, not at start-up. */
    private static final class Best {
        static final Argon2idFunction FUNCTION = Argon2idFunction.choose();
    }
}
