package dev.tenantry.identity;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.Optional;

/** The JCA providers RS256 signing can run on: Amazon Corretto Crypto Provider when its native code loads, else the JDK. */
public final class CryptoProviders {

    private CryptoProviders() {}

    /** ACCP, when its native library loaded on this platform. */
    public static Optional<Provider> corretto() {
        try {
            AmazonCorrettoCryptoProvider provider = AmazonCorrettoCryptoProvider.INSTANCE;
            return provider.getLoadingError() == null ? Optional.of(provider) : Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** The JDK's own provider of {@code SHA256withRSA} (SunRsaSign). */
    public static Provider jdk() {
        try {
            return Signature.getInstance("SHA256withRSA").getProvider();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK cannot sign SHA256withRSA", e);
        }
    }

    /**
     * Makes ACCP the JVM's first provider, where it loads, so that the JDK's TLS, ciphers, digests and random numbers
     * use its native code too (a cold server's first TLS handshake about 100 -> 25-30 ms, issue 13); what ACCP does not provide still comes from
     * the JDK's providers. For a process that owns its JVM ({@code tenantry serve}); returns whether it was installed.
     */
    public static boolean installFirst() {
        Optional<Provider> corretto = corretto();
        corretto.ifPresent(provider -> {
            if (Security.getProvider(provider.getName()) == null) {
                Security.insertProviderAt(provider, 1);
            }
        });
        return corretto.isPresent();
    }

    /** The fastest provider available: ACCP if it loads, else the JDK's. */
    public static Provider preferred() {
        return corretto().orElseGet(CryptoProviders::jdk);
    }
}
