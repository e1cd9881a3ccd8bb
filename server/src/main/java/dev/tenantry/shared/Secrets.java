package dev.tenantry.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random secrets, their hashes and constant-time comparison: the one theme of credentials kept by the server. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** A URL-safe random text carrying {@code bytes * 8} bits of entropy. */
    public static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /**
     * As {@link #random(int)}, never starting with {@code -}: a secret that people pass on command lines (a client
     * secret, {@code az login --service-principal -p SECRET}) would otherwise be taken for an option one time in 64.
     */
    public static String randomArgument(int bytes) {
        String text = random(bytes);
        while (text.charAt(0) == '-') {
            text = random(bytes);
        }
        return text;
    }

    /**
     * The SHA-256 of {@code text} in lower-case hex. A fast hash is enough only for server-generated secrets of at
     * least 256 random bits (client secrets, refresh tokens), which no dictionary or brute force can reach; never use
     * it for passwords.
     */
    public static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Compares two texts in time that does not depend on where they differ. */
    public static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
