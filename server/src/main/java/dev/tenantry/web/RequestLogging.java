package dev.tenantry.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per request (method, the matched route's path template, status, time; never the path's values, a
 * query string, a header or a body, which may hold personal data or secrets), and the echo of the client request ids that Microsoft's clients correlate on (compat §2).
 */
public final class RequestLogging {

    private static final Logger LOG = LoggerFactory.getLogger("dev.tenantry.requests");

    private RequestLogging() {}

    public static void register(JavalinConfig cfg) {
        cfg.requestLogger.http((ctx, millis) ->
                LOG.info("{} {} {} {}ms", ctx.method(), route(ctx), ctx.status().getCode(), Math.round(millis)));
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

    /**
     * The path template of the route that answered ({@code /v1.0/users/{id}}), so a user principal name in a path is
     * never logged; a request no route matched is logged without its path.
     */
    private static String route(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? "(no route)" : endpoint.path;
        } catch (RuntimeException noEndpoint) {
            return "(no route)";
        }
    }
}
