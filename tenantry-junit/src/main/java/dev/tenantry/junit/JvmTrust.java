package dev.tenantry.junit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Makes the whole test JVM trust the embedded server (compat P12): a PKCS12 trust store with its certificate, named by
 * the {@code javax.net.ssl.trustStore*} properties (MSAL's HttpsURLConnection, azure-core's Netty and Graph's OkHttp
 * all read them), and the JVM's default {@link SSLContext}. The JVM's usual CAs are kept beside it.
 */
final class JvmTrust {

    static final String PASSWORD = "changeit";
    private static X509Certificate installed;
    private static SSLContext context;

    private JvmTrust() {}

    static synchronized SSLContext install(X509Certificate certificate) {
        if (certificate.equals(installed)) {
            return context;
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            copyDefaultCas(store);
            store.setCertificateEntry("tenantry-test-server", certificate);
            Path file = Files.createTempFile("tenantry-junit-trust-", ".p12");
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
            SSLContext.setDefault(tls);
            installed = certificate;
            context = tls;
            return tls;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test trust store", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the test trust store", e);
        }
    }

    private static void copyDefaultCas(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        defaults.init((KeyStore) null);
        int index = 0;
        for (var manager : defaults.getTrustManagers()) {
            if (manager instanceof javax.net.ssl.X509TrustManager x509) {
                for (X509Certificate ca : x509.getAcceptedIssuers()) {
                    store.setCertificateEntry("jvm-ca-" + index++, ca);
                }
            }
        }
    }
}
