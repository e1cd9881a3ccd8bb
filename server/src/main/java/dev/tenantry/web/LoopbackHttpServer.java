package dev.tenantry.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.util.function.Consumer;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A plain-HTTP listener bound to {@code 127.0.0.1} only, for the managed identity endpoint (issue 11): Azure's identity
 * endpoints are plain HTTP on the machine itself, and the SDKs refuse nothing else, so only code on this machine can
 * reach it.
 */
public final class LoopbackHttpServer {

    public static final String HOST = "127.0.0.1";

    private LoopbackHttpServer() {}

    public static Javalin create(int port, Consumer<JavalinConfig> routes) {
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = 16_384L;
            cfg.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            cfg.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server);
                connector.setHost(HOST);
                connector.setPort(port);
                return connector;
            });
            routes.accept(cfg);
        });
    }

    /** The port the connector listens on, after start. */
    public static int boundPort(Javalin app) {
        return HttpsServer.boundPort(app);
    }
}
