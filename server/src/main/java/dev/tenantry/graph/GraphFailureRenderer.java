package dev.tenantry.graph;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.apps.ExposedApiError;
import dev.tenantry.shared.RequestError;
import dev.tenantry.web.Failure;
import dev.tenantry.web.FailureRenderer;
import dev.tenantry.web.WebError;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Graph's error body for every request under {@code /v1.0/} or {@code /beta/}, always as {@code application/json}
 * (compat P5), so the SDK raises an {@code ODataError} with Graph's codes.
 *
 * @see <a href="https://learn.microsoft.com/graph/errors">Graph error responses</a>
 */
public final class GraphFailureRenderer implements FailureRenderer {

    /** Our stable codes that have a more precise Graph code than their status gives. */
    private static final Map<String, String> BY_CODE = Map.of(
            DirectoryError.UPN_TAKEN.value(), "Request_MultipleObjectsWithSameKeyFound",
            DirectoryError.ROLE_ALREADY_ASSIGNED.value(), "Request_MultipleObjectsWithSameKeyFound",
            GraphError.ME_REQUIRES_DELEGATED.value(), "BadRequest",
            RequestError.UNSUPPORTED_FILTER.value(), "Request_UnsupportedQuery",
            GraphError.UNSUPPORTED_QUERY_OPTION.value(), "Request_UnsupportedQuery",
            RequestError.MISSING_TOKEN.value(), "InvalidAuthenticationToken",
            WebError.NOT_FOUND.value(), "Request_ResourceNotFound",
            ExposedApiError.HOST_NAME_NOT_ON_VERIFIED_DOMAIN.value(), "HostNameNotOnVerifiedDomain",
            ExposedApiError.CANNOT_DELETE_OR_UPDATE_ENABLED_ENTITLEMENT.value(),
                    "CannotDeleteOrUpdateEnabledEntitlement");

    @Override
    public boolean handles(Context ctx) {
        String path = ctx.path();
        return path.startsWith("/v1.0/") || path.startsWith("/beta/") || path.equals("/v1.0") || path.equals("/beta");
    }

    @Override
    public void render(Context ctx, Failure failure) {
        String requestId = UUID.randomUUID().toString();
        String clientRequestId = ctx.header("client-request-id");
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        inner.put("request-id", requestId);
        inner.put("client-request-id", clientRequestId != null ? clientRequestId : requestId);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", graphCode(failure.status(), failure.code()));
        error.put("message", failure.message());
        error.put("innerError", inner);
        if (failure.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        ctx.header("request-id", requestId);
        ctx.status(failure.status()).json(Map.of("error", error)).contentType("application/json");
    }

    /** The one table from our failures to Graph's error codes. */
    static String graphCode(int status, String code) {
        String precise = BY_CODE.get(code);
        if (precise != null) {
            return precise;
        }
        return switch (status) {
            case 400, 422 -> "Request_BadRequest";
            case 401 -> "InvalidAuthenticationToken";
            case 403 -> "Authorization_RequestDenied";
            case 404 -> "Request_ResourceNotFound";
            case 405 -> "Request_BadRequest";
            case 409 -> "Conflict";
            case 429 -> "TooManyRequests";
            case 503 -> "serviceNotAvailable";
            default -> status >= 500 ? "generalException" : "Request_BadRequest";
        };
    }
}
