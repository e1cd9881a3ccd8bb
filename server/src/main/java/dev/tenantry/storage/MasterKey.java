package dev.tenantry.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AES-256 key that encrypts secrets at rest (signing keys, server secrets) with AES-GCM, kept outside the
 * database: {@code TENANTRY_MASTER_KEY} (base64 of 32 bytes) when set, else {@code keys/master.key} in the data
 * directory, created owner-only on first start. Each sealed value is bound to its row by the associated data, so a
 * value copied to another row does not open.
 */
public final class MasterKey {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);
    private static final String PREFIX = "aesgcm1:"; // base64 has no ':', so a plaintext value never starts so
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String source;

    private MasterKey(byte[] key, String source) {
        this.key = new SecretKeySpec(key, "AES");
        this.source = source;
    }

    /** The key in {@code base64} (from the environment) when given, else the key file, created if missing. */
    public static MasterKey load(Path keyFile, String base64) {
        if (base64 != null && !base64.isBlank()) {
            return new MasterKey(decode(base64.strip(), "TENANTRY_MASTER_KEY"), "TENANTRY_MASTER_KEY");
        }
        try {
            if (!Files.exists(keyFile)) {
                create(keyFile);
            }
            String text = Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
            return new MasterKey(decode(text, keyFile.toString()), keyFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key " + keyFile, e);
        }
    }

    /** A key for tests and tools: {@code key} must be 32 bytes. */
    public static MasterKey of(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a master key is 32 bytes");
        }
        return new MasterKey(key.clone(), "memory");
    }

    /** Whether {@code stored} was sealed by a master key (else it is a plaintext value from an older version). */
    public static boolean isSealed(String stored) {
        return stored.startsWith(PREFIX);
    }

    /** {@code plaintext} encrypted and bound to {@code context} (for example {@code signing_key/<kid>}). */
    public String seal(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JDK", e);
        }
    }

    /** The plaintext of a value {@link #seal sealed} for {@code context}; another key's value fails to start. */
    public String open(String stored, String context) {
        if (!isSealed(stored)) {
            throw new IllegalStateException(
                    context + " is stored in plaintext; it should have been encrypted at start");
        }
        byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException(
                    "the master key from " + source + " does not decrypt " + context + ": the database was encrypted"
                            + " with another master key. Start with the key it was created with (the data directory's"
                            + " keys/master.key, or TENANTRY_MASTER_KEY set to that key in base64).",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JDK", e);
        }
    }

    private static void create(Path keyFile) throws IOException {
        Path directory = keyFile.toAbsolutePath().getParent();
        DataDirectory.createOwnerOnly(directory);
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (posix) {
                Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(OwnerOnlyFilePath.FILE));
            } else {
                Files.createFile(keyFile);
            }
            Files.writeString(
                    keyFile,
                    Base64.getEncoder().encodeToString(key) + "\n",
                    StandardCharsets.US_ASCII,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
            LOG.info("created the master key {}; keep a copy: without it the signing keys cannot be read", keyFile);
        } catch (FileAlreadyExistsException raced) {
            // another process created it first: read that one
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "the master key from " + source + " is not base64; make one with: openssl rand -base64 32", e);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("the master key from " + source + " is " + key.length
                    + " bytes; it must be 32 bytes in base64 (make one with: openssl rand -base64 32)");
        }
        return key;
    }

    @Override
    public String toString() {
        return "MasterKey[source=" + source + "]";
    }
}
