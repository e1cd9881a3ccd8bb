package dev.tenantry.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local CA (issue 12) and how the server's certificate follows it. */
class LocalCaTest {

    private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "::1");
    private static final Set<String> MICROSOFT = new LinkedHashSet<>(List.of(
            "localhost",
            "127.0.0.1",
            "::1",
            "login.microsoftonline.com",
            "graph.microsoft.com",
            "management.azure.com",
            "management.core.windows.net"));

    @TempDir
    Path data;

    private Path caCert;
    private Path caKey;
    private Path cert;
    private Path key;

    @BeforeEach
    void paths() {
        caCert = data.resolve("tls/ca.pem");
        caKey = data.resolve("tls/ca.key");
        cert = data.resolve("tls/server.pem");
        key = data.resolve("tls/server.key");
    }

    @Test
    @DisplayName("issue 12: 'cert ca' makes a CA once, key owner-only, and keeps it on a second call")
    void caIsMadeOnceAndKept() throws Exception {
        assertThat(LocalCa.create(caCert, caKey)).isTrue();
        String first = Files.readString(caCert);

        assertThat(LocalCa.create(caCert, caKey)).isFalse();

        assertThat(Files.readString(caCert)).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(caKey)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(caKey.getParent())))
                .isEqualTo("rwx------");
        X509Certificate ca = LocalCa.load(caCert, caKey).certificate();
        assertThat(ca.getBasicConstraints()).isZero();
        assertThat(ca.getSubjectX500Principal().getName()).contains("CN=Tenantry local CA ");
    }

    @Test
    @DisplayName(
            "issue 12: with a CA, the server's certificate is issued by it for every name asked, with the CA chained")
    void serverCertificateIsIssuedByTheCa() throws Exception {
        LocalCa.create(caCert, caKey);
        LocalCa ca = LocalCa.load(caCert, caKey);

        TlsMaterial tls = TlsMaterial.loadOrCreate(cert, key, caCert, caKey, MICROSOFT);

        assertThat(ca.issued(tls.certificate())).isTrue();
        assertThat(ServerCertificates.names(tls.certificate()))
                .containsExactlyInAnyOrderElementsOf(ServerCertificates.normalized(MICROSOFT));
        KeyStore store = tls.keyStore("p".toCharArray());
        assertThat(store.getCertificateChain("tenantry")).hasSize(2);
        assertThat(store.getCertificateChain("tenantry")[1]).isEqualTo(ca.certificate());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
    }

    @Test
    @DisplayName("issue 12: the same names keep the certificate; other names, or a CA made later, re-issue it")
    void reissuedOnlyWhenNeeded() throws Exception {
        TlsMaterial selfSigned = TlsMaterial.loadOrCreate(cert, key, caCert, caKey, LOCAL);
        LocalCa.create(caCert, caKey);

        TlsMaterial issued = TlsMaterial.loadOrCreate(cert, key, caCert, caKey, LOCAL);
        TlsMaterial again = TlsMaterial.loadOrCreate(cert, key, caCert, caKey, LOCAL);
        TlsMaterial wider = TlsMaterial.loadOrCreate(cert, key, caCert, caKey, MICROSOFT);

        assertThat(issued.certificate()).isNotEqualTo(selfSigned.certificate());
        assertThat(LocalCa.load(caCert, caKey).issued(issued.certificate())).isTrue();
        assertThat(again.certificate()).isEqualTo(issued.certificate());
        assertThat(wider.certificate()).isNotEqualTo(issued.certificate());
        assertThat(ServerCertificates.names(wider.certificate())).contains("login.microsoftonline.com");
    }

    @Test
    @DisplayName("issue 12: a certificate of the CA within 30 days of its end is issued again at start")
    void reissuedNearItsEnd() throws Exception {
        LocalCa.create(caCert, caKey);
        LocalCa ca = LocalCa.load(caCert, caKey);
        KeyPair pair = Pem.newKeyPair();
        X509Certificate ending = ca.issue(pair.getPublic(), LOCAL, Duration.ofDays(10));
        Pem.writeOwnerOnly(cert, Pem.of(ending));
        Pem.writeOwnerOnly(key, Pem.privateKeyPem(pair.getPrivate()));

        TlsMaterial tls = TlsMaterial.loadOrCreate(cert, key, caCert, caKey, LOCAL);

        assertThat(tls.certificate()).isNotEqualTo(ending);
        assertThat(tls.certificate().getNotAfter().toInstant())
                .isAfter(Instant.now().plus(Duration.ofDays(300)));
        assertThat(ca.issued(tls.certificate())).isTrue();
    }

    @Test
    @DisplayName("issue 12: an operator's certificate wins over the CA and over the names asked")
    void operatorCertificateWins() throws Exception {
        LocalCa.create(caCert, caKey);
        KeyPair pair = Pem.newKeyPair();
        X509Certificate operator = operatorCertificate(pair);
        Pem.writeOwnerOnly(cert, Pem.of(operator));
        Pem.writeOwnerOnly(key, Pem.privateKeyPem(pair.getPrivate()));

        TlsMaterial tls = TlsMaterial.loadOrCreate(cert, key, caCert, caKey, MICROSOFT);

        assertThat(tls.certificate()).isEqualTo(operator);
        assertThat(Files.readString(cert)).isEqualTo(Pem.of(operator));
    }

    @Test
    @DisplayName("issue 12: without a CA a self-signed certificate is made again only when it misses a name asked")
    void selfSignedFollowsNewNames() {
        TlsMaterial first = TlsMaterial.loadOrCreate(cert, key, caCert, caKey, LOCAL);
        TlsMaterial same = TlsMaterial.loadOrCreate(cert, key, caCert, caKey, LOCAL);
        TlsMaterial wider = TlsMaterial.loadOrCreate(cert, key, caCert, caKey, MICROSOFT);

        assertThat(same.certificate()).isEqualTo(first.certificate());
        assertThat(wider.certificate()).isNotEqualTo(first.certificate());
        assertThat(ServerCertificates.names(wider.certificate())).contains("graph.microsoft.com");
    }

    @Test
    void namesACertificateCanCarry() {
        assertThat(List.of("login.microsoftonline.com", "tenantry.test", "localhost", "10.0.0.7", "::1", "fd00::1"))
                .allMatch(TlsMaterial::isValidName);
        assertThat(List.of("999.1.1.1", "-bad.example", "a..b", "under_score.example", "x y", "fd00:::1::1", ""))
                .noneMatch(TlsMaterial::isValidName);
    }

    @Test
    void loadingAMissingCaSaysWhatToRun() {
        assertThatThrownBy(() -> LocalCa.load(caCert, caKey)).hasMessageContaining("tenantry cert ca");
    }

    @Test
    @DisplayName("issue 12: the JVM trust store and the bundle hold the CA")
    void trustStoreAndBundleHoldTheCa() throws Exception {
        LocalCa.create(caCert, caKey);
        LocalCa ca = LocalCa.load(caCert, caKey);
        Path system = Files.writeString(data.resolve("system.pem"), "-----BEGIN CERTIFICATE-----\nAA==\n");

        ca.writeTrustStore(data.resolve("tls/truststore.p12"), "changeit".toCharArray());
        ca.writeBundle(data.resolve("tls/ca-bundle.pem"), system);

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(data.resolve("tls/truststore.p12"))) {
            store.load(in, "changeit".toCharArray());
        }
        assertThat(store.getCertificate("tenantry-ca")).isEqualTo(ca.certificate());
        assertThat(Files.readString(data.resolve("tls/ca-bundle.pem")))
                .startsWith("-----BEGIN CERTIFICATE-----\nAA==\n")
                .endsWith(ca.certificatePem());
    }

    /** Issued by a CA of the operator's (here signed by the key itself, under the CA's name). */
    private static X509Certificate operatorCertificate(KeyPair pair) throws Exception {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                new X500Name("CN=Example Corp CA,O=Example"),
                BigInteger.TEN,
                Date.from(Instant.now().minusSeconds(60)),
                Date.from(Instant.now().plusSeconds(86_400)),
                new X500Name("CN=server.example"),
                pair.getPublic());
        ServerCertificates.addServerExtensions(builder, LOCAL);
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }
}
