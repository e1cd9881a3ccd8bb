package dev.tenantry.entra;

import dev.tenantry.shared.Ids;
import dev.tenantry.web.Failure;
import dev.tenantry.web.FailureRenderer;
import dev.tenantry.web.RequestLogging;
import io.javalin.http.Context;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes failures on the identity platform's paths as Entra does (compat §3.5): {@code error}, an
 * {@code error_description} starting with {@code AADSTSnnnnn:}, {@code error_codes}, time and trace ids.
 */
public final class OAuthFailureRenderer implements FailureRenderer {

    private static final Pattern PATHS = Pattern.compile(
            "^/[^/]+/(oauth2/v2\\.0/(token|devicecode)|v2\\.0/\\.well-known/openid-configuration|discovery/v2\\.0/keys|discovery/instance)$"
                    // the v1.0 endpoints (issue 11)
                    + "|^/[^/]+/(oauth2/token|\\.well-known/openid-configuration|discovery/keys)$"
                    + "|^/common/userrealm/.*");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'");

    @Override
    public boolean handles(Context ctx) {
        return PATHS.matcher(ctx.path()).matches();
    }

    @Override
    public void render(Context ctx, Failure failure) {
        AadErrors.AadError error = AadErrors.of(failure.code(), failure.status());
        String traceId = RequestLogging.requestId(ctx);
        String correlationId = Ids.tryParse(ctx.header("client-request-id"))
                .map(UUID::toString)
                .orElseGet(() -> UUID.randomUUID().toString());
        String timestamp = ZonedDateTime.now(ZoneOffset.UTC).format(TIMESTAMP);
        String text = error.text() != null ? error.text() : failure.message();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.error());
        body.put(
                "error_description",
                "AADSTS" + error.aadsts() + ": " + text + "\r\nTrace ID: " + traceId + "\r\nCorrelation ID: "
                        + correlationId + "\r\nTimestamp: " + timestamp);
        body.put("error_codes", List.of(error.aadsts()));
        body.put("timestamp", timestamp);
        body.put("trace_id", traceId);
        body.put("correlation_id", correlationId);
        ctx.header("Cache-Control", "no-store");
        ctx.status(error.status()).json(body);
    }
}
