package dev.tenantry.directory.credentials;

import dev.tenantry.directory.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}), with OWASP's
 * recommended cost (19 MiB, 2 passes, 1 lane). Stored hashes keep their own parameters, so the cost can rise later.
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
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory)
                .withIterations(passes)
                .withParallelism(lanes)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
