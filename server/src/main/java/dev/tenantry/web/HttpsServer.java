package dev.tenantry.web;

import dev.tenantry.tls.TlsMaterial;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Builds the one Javalin server: HTTPS only (AEAD suites), virtual threads, security headers on every answer, and
 * paths with {@code //} accepted (compat P11).
 */
public final class HttpsServer {

    /**
     * TLS 1.3's suites, and on TLS 1.2 only ECDHE key exchange with an AEAD cipher (GCM, ChaCha20-Poly1305): no CBC,
     * no static RSA key exchange. Both ECDSA (the generated certificate) and RSA (an operator's) certificates work.
     */
    static final String[] CIPHER_SUITES = {
        "TLS_AES_128_GCM_SHA256",
        "TLS_AES_256_GCM_SHA384",
        "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"
    };

    private HttpsServer() {}

    public static Javalin create(String host, int port, TlsMaterial tls, Consumer<JavalinConfig> routes) {
        char[] password =
                HexFormat.of().formatHex(new SecureRandom().generateSeed(16)).toCharArray();
        return Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.router.treatMultipleSlashesAsSingleSlash = true;
            cfg.http.maxRequestSize = 1_000_000L;
            // The ARM SDK sends GET //subscriptions/…: let it through the parser, then collapse the slashes.
            cfg.jetty.modifyHttpConfiguration(http -> {
                http.setUriCompliance(UriCompliance.from("DEFAULT,AMBIGUOUS_EMPTY_SEGMENT"));
                http.setSendServerVersion(false);
            });
            cfg.jetty.modifyServer(server -> {
                server.setHandler(new SecurityHeaders(new CollapseSlashesHandler(server.getHandler())));
                server.setErrorHandler(SecurityHeaders.errorHandler());
            });
            cfg.jetty.addConnector((server, http) -> {
                SslContextFactory.Server ssl = new SslContextFactory.Server();
                ssl.setKeyStore(tls.keyStore(password));
                ssl.setKeyStorePassword(new String(password));
                ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
                ssl.setIncludeCipherSuites(CIPHER_SUITES);
                SecureRequestCustomizer secure = new SecureRequestCustomizer();
                secure.setSniHostCheck(false); // clients may use any name or address the certificate covers
                http.addCustomizer(secure);
                ServerConnector connector = new ServerConnector(
                        server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
                connector.setHost(host);
                connector.setPort(port);
                return connector;
            });
            routes.accept(cfg);
        });
    }

    /** The port the HTTPS connector listens on, after start (useful with port 0). */
    public static int boundPort(Javalin app) {
        return ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
    }
}
