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
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Builds the one Javalin server: HTTPS only (AEAD suites), a bounded pool of platform threads, security headers on
 * every answer, and paths with {@code //} accepted (compat P11).
 *
 * <p>Why platform threads (issue 13): requests are CPU-bound (TLS, RS256 signing in native code, JSON) far more than
 * they wait, and a virtual thread is never preempted. With the cores saturated, virtual threads that keep computing
 * held every carrier while unparked ones waited their turn in the scheduler's queue for 1–2 s. Platform threads are
 * time-sliced by the OS, so a cheap request is served within a few scheduler slices however busy the cores are.
 */
public final class HttpsServer {

    private static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

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

    static {
        // Jetty pads its queues to a cache line, and unless told how many references fill one it asks the JVM whether
        // references are compressed through the platform MBean server, which it starts for that alone: about 35 ms of
        // a start (issue 13). They are compressed (4 bytes, 16 to a 64-byte line) below 32 GB of heap.
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(REFERENCES_PER_CACHE_LINE, Runtime.getRuntime().maxMemory() < (32L << 30) ? "16" : "8");
        }
    }

    /**
     * The buffer Javalin allocates for every answer to copy its body into Jetty's (pooled) output buffer. Left unset
     * it takes that buffer's size, 32 KB: for answers of 1–2 KB (a token) that was 39 % of all a request allocated
     * (issue 13). It stays at least Javalin's 1 500-byte threshold for gzip, which it decides on the first write.
     */
    static final int RESPONSE_COPY_BUFFER = 4096;

    private HttpsServer() {}

    public static Javalin create(String host, int port, TlsMaterial tls, Consumer<JavalinConfig> routes) {
        char[] password =
                HexFormat.of().formatHex(new SecureRandom().generateSeed(16)).toCharArray();
        return Javalin.create(cfg -> {
            if (Boolean.getBoolean("tenantry.virtualThreads")) {
                cfg.concurrency.useVirtualThreads = true; // the old scheduling, to reproduce issue 13 in bin/bench
            } else {
                cfg.jetty.threadPool = requestThreads();
            }
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.router.treatMultipleSlashesAsSingleSlash = true;
            cfg.http.maxRequestSize = 1_000_000L;
            cfg.http.responseBufferSize = RESPONSE_COPY_BUFFER;
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

    /**
     * The threads that accept, read and answer requests: at most {@link #maxRequestThreads()}, never fewer than four
     * kept alive (an idle one ends after a minute).
     */
    static QueuedThreadPool requestThreads() {
        QueuedThreadPool pool = new QueuedThreadPool(maxRequestThreads(), 4, 60_000);
        pool.setName("https");
        return pool;
    }

    /**
     * 32 per core and at least 128: enough that each busy connection has a thread that reads its request at once, so
     * that requests queue in one place, in arrival order, for the cores ({@code CpuSlots}). With 32 threads, 64
     * connections queued twice: a request waited for a thread to read it in Jetty's queue, which is not first come
     * first served (a thread handed a connection by the selector passes the queue by), then for a slot; at c=64 the
     * client-credentials p99 was 43–48 ms (p50 10 ms) against 30 ms (p50 19 ms) with 128 threads in a bin/bench run of
     * each. A thread waiting for a slot is parked and costs only its stack.
     */
    static int maxRequestThreads() {
        return Math.max(128, 32 * Runtime.getRuntime().availableProcessors());
    }

    /** The port the HTTPS connector listens on, after start (useful with port 0). */
    public static int boundPort(Javalin app) {
        return ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
    }
}
