package dev.tenantry.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/** PEM files of the data directory: read, and written atomically and owner-only whatever the umask. */
final class Pem {

    private Pem() {}

    static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return generator.generateKeyPair();
    }

    static PrivateKey readKey(Path file) {
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(file, StandardCharsets.US_ASCII))) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new IllegalStateException(file + " holds no PEM private key");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String of(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String privateKeyPem(PrivateKey key) throws IOException {
        return of(new JcaPKCS8Generator(key, null));
    }

    /** Writes {@code content} to {@code target} atomically, owner-only ({@code 0600}), making owner-only parents. */
    static void writeOwnerOnly(Path target, String content) throws IOException {
        Path temp = ownerOnlyTemp(target);
        Files.writeString(temp, content, StandardCharsets.US_ASCII);
        replace(temp, target);
    }

    /** An empty owner-only file next to {@code target}, to be moved over it with {@link #replace}. */
    static Path ownerOnlyTemp(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        createOwnerOnly(parent);
        Path temp = Files.createTempFile(parent, ".tmp-", ".part");
        if (posix(temp)) {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        }
        return temp;
    }

    private static void createOwnerOnly(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        createOwnerOnly(directory.getParent());
        Files.createDirectory(directory);
        if (posix(directory)) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    static void replace(Path temp, Path target) throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
