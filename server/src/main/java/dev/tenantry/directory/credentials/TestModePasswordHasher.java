package dev.tenantry.directory.credentials;

import dev.tenantry.directory.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The cheap password hash of test mode (issue 14): salted SHA-256, microseconds instead of Argon2id's fifth of a
 * second, so a suite that creates and signs in a thousand users stays fast. Its hashes start with {@link #PREFIX}, which
 * {@link Argon2idPasswordHasher} refuses with a clear error: a test-mode hash never verifies on a production server.
 * Test mode runs on an in-memory database only, so no such hash is written to a data directory.
 */
public final class TestModePasswordHasher implements PasswordHasher {

    /** The mark of a test-mode hash; the production verifier refuses every hash that carries it. */
    public static final String PREFIX = "$tenantry-test-sha256$";

    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private final SecureRandom random = new SecureRandom();
    private volatile Argon2idPasswordHasher argon2id;

    private Argon2idPasswordHasher argon2id() {
        Argon2idPasswordHasher hasher = argon2id;
        if (hasher == null) {
            hasher = new Argon2idPasswordHasher();
            argon2id = hasher;
        }
        return hasher;
    }

    @Override
    public String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String saltText = B64.encodeToString(salt);
        return PREFIX + saltText + "$" + digest(saltText, password);
    }

    @Override
    public boolean matches(String password, String encodedHash) {
        if (encodedHash != null && encodedHash.startsWith("$argon2id$")) {
            return argon2id().matches(password == null ? "" : password, encodedHash); // a seed's pre-hashed password
        }
        if (encodedHash == null || !encodedHash.startsWith(PREFIX)) {
            return false;
        }
        String rest = encodedHash.substring(PREFIX.length());
        int dollar = rest.indexOf('$');
        if (dollar < 0) {
            return false;
        }
        String expected = rest.substring(dollar + 1);
        String actual = digest(rest.substring(0, dollar), password == null ? "" : password);
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void burnOneCheck(String password) {
        digest("", password == null ? "" : password);
    }

    private static String digest(String salt, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt.getBytes(StandardCharsets.US_ASCII));
            return B64.encodeToString(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
