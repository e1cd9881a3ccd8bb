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

/** Builds the one Javalin server: HTTPS only, virtual threads, and paths with {@code //} accepted (compat P11). */
public final class HttpsServer {

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
            cfg.jetty.modifyServer(server -> server.setHandler(new CollapseSlashesHandler(server.getHandler())));
            cfg.jetty.addConnector((server, http) -> {
                SslContextFactory.Server ssl = new SslContextFactory.Server();
                ssl.setKeyStore(tls.keyStore(password));
                ssl.setKeyStorePassword(new String(password));
                ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
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
