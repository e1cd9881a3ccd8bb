package dev.tenantry.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.IPAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's TLS key and certificate, kept as PEM files in the data directory. When a local CA exists ({@code
 * tenantry cert ca}) the certificate is issued by it, and issued again at start when the names it must cover changed
 * or it nears its end; otherwise a self-signed certificate is made on first start. A certificate the server did not
 * make (an operator's) is always used as it is.
 */
public final class TlsMaterial {

    private static final Logger LOG = LoggerFactory.getLogger(TlsMaterial.class);
    private static final Duration VALIDITY = Duration.ofDays(825);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final Pattern DNS_NAME = Pattern.compile(
            "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$");
    private static final String SELF_SIGNED_SUBJECT = "CN=Tenantry local server,O=Tenantry";

    private final PrivateKey privateKey;
    private final X509Certificate certificate;
    private final List<X509Certificate> chain;

    private TlsMaterial(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> issuers) {
        this.privateKey = privateKey;
        this.certificate = certificate;
        this.chain = issuers;
    }

    /** Loads the PEM files, or makes and stores a new self-signed pair when neither exists. */
    public static TlsMaterial loadOrCreate(Path certificateFile, Path keyFile, String bindHost) {
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        if (bindHost != null && !bindHost.isBlank() && !bindHost.equals("0.0.0.0") && !bindHost.equals("::")) {
            names.add(bindHost);
        }
        return loadOrCreate(certificateFile, keyFile, null, null, names);
    }

    /**
     * The server's certificate for {@code names}: an operator's as it is; else one issued by the CA in {@code
     * caCertificateFile} when there is one (again when the names changed or it nears its end); else a self-signed one,
     * made again only when it does not cover the names (clients must then trust it anew, which the log says).
     */
    public static TlsMaterial loadOrCreate(
            Path certificateFile, Path keyFile, Path caCertificateFile, Path caKeyFile, Set<String> names) {
        Optional<LocalCa> ca = caCertificateFile != null && LocalCa.exists(caCertificateFile, caKeyFile)
                ? Optional.of(LocalCa.load(caCertificateFile, caKeyFile))
                : Optional.empty();
        if (!Files.exists(certificateFile) || !Files.exists(keyFile)) {
            return create(certificateFile, keyFile, ca, names);
        }
        X509Certificate current = readCertificate(certificateFile);
        PrivateKey key = Pem.readKey(keyFile);
        boolean selfSigned = current.getSubjectX500Principal().equals(current.getIssuerX500Principal())
                && new X500Name(current.getSubjectX500Principal().getName()).equals(new X500Name(SELF_SIGNED_SUBJECT));
        boolean byTenantryCa = current.getIssuerX500Principal().getName().contains("CN=" + LocalCa.SUBJECT_PREFIX);
        if (!selfSigned && !byTenantryCa) {
            LOG.debug("using the operator's certificate {}", certificateFile);
            return new TlsMaterial(key, current, List.of());
        }
        Set<String> have = ServerCertificates.names(current);
        Set<String> want = ServerCertificates.normalized(names);
        if (ca.isPresent()) {
            LocalCa authority = ca.orElseThrow();
            boolean fresh =
                    current.getNotAfter().toInstant().isAfter(Instant.now().plus(RENEW_BEFORE));
            if (authority.issued(current) && have.equals(want) && fresh) {
                return new TlsMaterial(key, current, List.of(authority.certificate()));
            }
            LOG.info("issuing the server certificate from the local CA for {}", want);
            return create(certificateFile, keyFile, ca, names);
        }
        if (selfSigned && !have.containsAll(want)) {
            LOG.warn(
                    "made a new self-signed certificate for {} (the old one covered {}): clients must trust the new one"
                            + " ('tenantry cert export'), or make a local CA with 'tenantry cert ca'",
                    want,
                    have);
            return create(certificateFile, keyFile, ca, names);
        }
        return new TlsMaterial(key, current, List.of());
    }

    private static TlsMaterial create(Path certificateFile, Path keyFile, Optional<LocalCa> ca, Set<String> names) {
        TlsMaterial created;
        try {
            KeyPair pair = Pem.newKeyPair();
            created = ca.map(authority -> new TlsMaterial(
                            pair.getPrivate(),
                            authority.issue(pair.getPublic(), names),
                            List.of(authority.certificate())))
                    .orElseGet(() -> selfSigned(pair, names));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not create a TLS key", e);
        }
        created.write(certificateFile, keyFile);
        return created;
    }

    /** Whether a certificate can name {@code name}: a DNS name, or an IPv4 or IPv6 address. */
    public static boolean isValidName(String name) {
        if (ServerCertificates.isAddress(name)) {
            return IPAddress.isValid(name);
        }
        return DNS_NAME.matcher(name).matches();
    }

    /** Reads a PEM certificate; a missing file is an {@link IllegalStateException} that says what to do. */
    public static X509Certificate readCertificate(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalStateException("no certificate at " + file + ": start the server once with this data "
                    + "directory to create one");
        }
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(file, StandardCharsets.US_ASCII))) {
            Object object = parser.readObject();
            if (!(object instanceof X509CertificateHolder holder)) {
                throw new IllegalStateException(file + " holds no PEM certificate");
            }
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(file + " holds an unreadable certificate", e);
        }
    }

    private static TlsMaterial selfSigned(KeyPair pair, Set<String> names) {
        try {
            JcaX509v3CertificateBuilder builder =
                    ServerCertificates.selfSignedBuilder(new X500Name(SELF_SIGNED_SUBJECT), pair.getPublic(), VALIDITY);
            ServerCertificates.addServerExtensions(builder, names);
            return new TlsMaterial(pair.getPrivate(), ServerCertificates.sign(builder, pair.getPrivate()), List.of());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("could not create a TLS certificate", e);
        }
    }

    // owner-only, as everything in the data directory (the certificate is public: `tenantry cert export` prints it)
    private void write(Path certificateFile, Path keyFile) {
        try {
            Pem.writeOwnerOnly(keyFile, Pem.privateKeyPem(privateKey));
            Pem.writeOwnerOnly(certificateFile, certificatePem());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write TLS files next to " + certificateFile, e);
        }
    }

    public String certificatePem() {
        return Pem.of(certificate);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate and the authorities that issued it, for clients of this server to trust (issue 11). */
    public List<X509Certificate> trustAnchors() {
        List<X509Certificate> anchors = new java.util.ArrayList<>(chain);
        anchors.add(certificate);
        return List.copyOf(anchors);
    }

    /**
     * An in-memory key store for the HTTPS connector, protected by {@code password}; the CA follows the certificate.
     * It is never written, so its key is wrapped with a single PBKDF2 iteration: the default 10 000, done once to
     * store the key and once to read it back, cost a cold JVM about a tenth of its start (issue 13).
     */
    public KeyStore keyStore(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, password);
            X509Certificate[] certificates = new X509Certificate[chain.size() + 1];
            certificates[0] = certificate;
            for (int i = 0; i < chain.size(); i++) {
                certificates[i + 1] = chain.get(i);
            }
            byte[] salt = new byte[16];
            new java.security.SecureRandom().nextBytes(salt);
            store.setEntry(
                    "tenantry",
                    new KeyStore.PrivateKeyEntry(privateKey, certificates),
                    new KeyStore.PasswordProtection(
                            password, "PBEWithHmacSHA256AndAES_256", new javax.crypto.spec.PBEParameterSpec(salt, 1)));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not build the TLS key store", e);
        }
    }
}
