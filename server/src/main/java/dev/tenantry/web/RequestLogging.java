package dev.tenantry.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One INFO line per request (method, the matched route's path template, status, time, the request id, the client's
 * request id and a failure's code; never the path's values, a query string, a header or a body, which may hold
 * personal data or secrets), and the request ids Microsoft's services send: each answer carries its own
 * {@code x-ms-request-id} and {@code request-id} (the Trace ID of an AADSTS error), and echoes the client's
 * {@code client-request-id} and {@code x-ms-client-request-id} (compat §2).
 */
public final class RequestLogging {

    private static final Logger LOG = LoggerFactory.getLogger("dev.tenantry.requests");
    private static final String REQUEST_ID = "tenantry.requestId";
    /** What a client's request id may be to be echoed and logged: a GUID or another short token, no markup. */
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestLogging() {}

    public static void register(JavalinConfig cfg) {
        cfg.requestLogger.http(RequestLogging::log);
        cfg.routes.before(ctx -> {
            String requestId = requestId(ctx);
            ctx.header("x-ms-request-id", requestId);
            ctx.header("request-id", requestId);
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

    private static void log(Context ctx, Float millis) {
        String route = route(ctx);
        int status = ctx.status().getCode();
        long duration = Math.round(millis);
        String requestId = requestId(ctx);
        LoggingEventBuilder line = LOG.atInfo()
                .addKeyValue("method", (Object) ctx.method().name())
                .addKeyValue("route", (Object) route)
                .addKeyValue("status", (Object) status)
                .addKeyValue("durationMs", (Object) duration)
                .addKeyValue("requestId", (Object) requestId);
        String clientRequestId = clientRequestId(ctx);
        if (clientRequestId != null) {
            line = line.addKeyValue("clientRequestId", (Object) clientRequestId);
        }
        String failure = ctx.attribute(Failures.FAILURE_CODE);
        if (failure != null) {
            line = line.addKeyValue("error", (Object) failure);
        }
        line.log("{} {} {} {}ms request-id={}", ctx.method(), route, status, duration, requestId);
    }

    /** This request's own id (a GUID, made on first use): its {@code x-ms-request-id}, log field and AADSTS Trace ID. */
    public static String requestId(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        if (id == null) {
            id = UUID.randomUUID().toString();
            ctx.attribute(REQUEST_ID, id);
        }
        return id;
    }

    /** The client's {@code client-request-id} (or ARM's {@code x-ms-client-request-id}) when it is a plain token. */
    static String clientRequestId(Context ctx) {
        String id = ctx.header("client-request-id");
        if (id == null) {
            id = ctx.header("x-ms-client-request-id");
        }
        return id != null && CLIENT_ID.matcher(id).matches() ? id : null;
    }

    /**
     * The path template of the route that answered ({@code /v1.0/users/{id}}), so a user principal name in a path is
     * never logged; a request no route matched is logged without its path.
     */
    public static String route(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? "(no route)" : endpoint.path;
        } catch (RuntimeException noEndpoint) {
            return "(no route)";
        }
    }
}
