package dev.tenantry.web;

import io.javalin.config.JavalinConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per request (method, path, status, time; never a query string, header or body, which may hold
 * secrets), and the echo of the client request ids that Microsoft's clients correlate on (compat §2).
 */
public final class RequestLogging {

    private static final Logger LOG = LoggerFactory.getLogger("dev.tenantry.requests");

    private RequestLogging() {}

    public static void register(JavalinConfig cfg) {
        cfg.requestLogger.http((ctx, millis) ->
                LOG.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.status().getCode(), Math.round(millis)));
        cfg.routes.before(ctx -> {
            String clientRequestId = ctx.header("client-request-id");
            if (clientRequestId != null && clientRequestId.length() <= 64) {
                ctx.header("client-request-id", clientRequestId);
            }
            String armRequestId = ctx.header("x-ms-client-request-id");
            if (armRequestId != null && armRequestId.length() <= 64) {
                ctx.header("x-ms-client-request-id", armRequestId);
            }
        });
    }
}
