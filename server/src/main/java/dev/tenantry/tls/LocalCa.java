package dev.tenantry.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * A local certificate authority kept in the data directory ({@code tls/ca.pem}, {@code tls/ca.key}, owner-only), made
 * once by {@code tenantry cert ca}. When it exists the server's certificate is issued by it, so a machine that trusts
 * it once trusts every certificate the server makes later, for whatever names it serves (Microsoft's included).
 */
public final class LocalCa {

    static final String SUBJECT_PREFIX = "Tenantry local CA";
    private static final Duration VALIDITY = Duration.ofDays(3650);
    static final Duration SERVER_VALIDITY = Duration.ofDays(397);

    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    private LocalCa(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = privateKey;
        this.certificate = certificate;
    }

    /** Whether both files of a CA are there. */
    public static boolean exists(Path certificateFile, Path keyFile) {
        return Files.exists(certificateFile) && Files.exists(keyFile);
    }

    /** The CA in these files; an {@link IllegalStateException} when they are missing or unreadable. */
    public static LocalCa load(Path certificateFile, Path keyFile) {
        if (!exists(certificateFile, keyFile)) {
            throw new IllegalStateException(
                    "no local certificate authority at " + certificateFile + ": run 'tenantry cert ca' first");
        }
        return new LocalCa(Pem.readKey(keyFile), TlsMaterial.readCertificate(certificateFile));
    }

    /** Makes and stores a new CA; an existing one is kept (returns false) so trust placed in it stays valid. */
    public static boolean create(Path certificateFile, Path keyFile) {
        if (exists(certificateFile, keyFile)) {
            return false;
        }
        try {
            KeyPair pair = Pem.newKeyPair();
            byte[] suffix = new byte[4];
            new SecureRandom().nextBytes(suffix);
            // a name of its own, so two machines' CAs never look alike in one trust store
            X500Name subject =
                    new X500Name("CN=" + SUBJECT_PREFIX + " " + HexFormat.of().formatHex(suffix) + ",O=Tenantry");
            JcaX509v3CertificateBuilder builder =
                    ServerCertificates.selfSignedBuilder(subject, pair.getPublic(), VALIDITY);
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(
                    Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate certificate = ServerCertificates.sign(builder, pair.getPrivate());
            Pem.writeOwnerOnly(keyFile, Pem.privateKeyPem(pair.getPrivate()));
            Pem.writeOwnerOnly(certificateFile, Pem.of(certificate));
            return true;
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("could not create the local certificate authority", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public String certificatePem() {
        return Pem.of(certificate);
    }

    /** Whether {@code candidate} was signed by this CA. */
    public boolean issued(X509Certificate candidate) {
        if (!candidate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
            return false;
        }
        try {
            candidate.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** A server certificate for {@code names} (DNS names and IP addresses) with {@code key}, signed by this CA. */
    X509Certificate issue(PublicKey key, Set<String> names) {
        return issue(key, names, SERVER_VALIDITY);
    }

    X509Certificate issue(PublicKey key, Set<String> names, Duration validity) {
        try {
            Instant now = Instant.now();
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    certificate,
                    new BigInteger(127, new SecureRandom()),
                    Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(validity)),
                    new javax.security.auth.x500.X500Principal("CN=Tenantry server,O=Tenantry"),
                    key);
            ServerCertificates.addServerExtensions(builder, names);
            builder.addExtension(
                    Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(certificate));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(key));
            return ServerCertificates.sign(builder, privateKey);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("could not issue a server certificate", e);
        }
    }

    /**
     * Writes {@code systemBundle}'s certificates (when that file exists) followed by this CA to {@code file}, owner-only:
     * a bundle for {@code REQUESTS_CA_BUNDLE} and {@code SSL_CERT_FILE}, which replace the default one rather than add
     * to it.
     */
    public void writeBundle(Path file, Path systemBundle) {
        try {
            String system = Files.isReadable(systemBundle) ? Files.readString(systemBundle) : "";
            if (!system.isEmpty() && !system.endsWith("\n")) {
                system += "\n";
            }
            Pem.writeOwnerOnly(file, system + certificatePem());
        } catch (IOException e) {
            throw new IllegalStateException("could not write the CA bundle " + file, e);
        }
    }

    /**
     * Writes a PKCS12 trust store holding this CA alone, protected by {@code password} (a trust store's password only
     * guards its integrity: it holds nothing secret), for {@code -Djavax.net.ssl.trustStore}.
     */
    public void writeTrustStore(Path file, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("tenantry-ca", certificate);
            Path temp = Pem.ownerOnlyTemp(file);
            try (OutputStream out = Files.newOutputStream(temp)) {
                store.store(out, password);
            }
            Pem.replace(temp, file);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not write the trust store " + file, e);
        }
    }
}
