package dev.tenantry.clients;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Makes the whole test JVM trust the server's self-signed certificate (compat P12): a PKCS12 trust store built from
 * {@code <data>/tls/server.pem}, set through the {@code javax.net.ssl.trustStore*} properties before any TLS
 * connection, so MSAL (HttpsURLConnection), azure-core (Netty) and Graph (OkHttp) all pick it up.
 */
final class ServerTrust {

    private static final String PASSWORD = "changeit";
    private static SSLContext context;

    private ServerTrust() {}

    static synchronized void install(Path pem) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            Collection<? extends Certificate> certificates;
            try (InputStream in = Files.newInputStream(pem)) {
                certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            int index = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("tenantry-" + index++, certificate);
            }
            Path file = Files.createTempFile("tenantry-compat-trust-", ".p12");
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, PASSWORD.toCharArray());
            }
            System.setProperty("javax.net.ssl.trustStore", file.toString());
            System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            context = tls;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the server certificate " + pem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust store from " + pem, e);
        }
    }

    /** An SSL context that trusts exactly the server's certificate, for the test's own HTTP client. */
    static synchronized SSLContext context() {
        if (context == null) {
            throw new IllegalStateException("TenantryProcess.get() installs the trust store first");
        }
        return context;
    }
}
