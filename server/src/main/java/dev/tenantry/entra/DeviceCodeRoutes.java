package dev.tenantry.entra;

import dev.tenantry.identity.DeviceCodeService;
import dev.tenantry.identity.IdentityError;
import dev.tenantry.shared.Column;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.web.BaseUrl;
import dev.tenantry.web.FormBody;
import dev.tenantry.web.Gate;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The device authorization endpoint {@code POST /{tenant}/oauth2/v2.0/devicecode} (RFC 8628 §3.1–3.2, compat §3.6):
 * {@code client_id} and {@code scope} in, the code pair with numbers for {@code expires_in} and {@code interval} out.
 */
public final class DeviceCodeRoutes {

    private final DeviceCodeService deviceCodes;

    public DeviceCodeRoutes(DeviceCodeService deviceCodes) {
        this.deviceCodes = deviceCodes;
    }

    public void register(RoutesConfig routes) {
        routes.post("/{tenant}/oauth2/v2.0/devicecode", this::start, Gate.ANONYMOUS);
    }

    private void start(Context ctx) {
        FormBody form = FormBody.ofUntyped(ctx);
        String scope = form.single("scope");
        if (!Column.REFRESH_TOKEN_SCOPE.fits(scope)) {
            throw new InvalidRequestException(
                    IdentityError.INVALID_SCOPE,
                    "The provided value for the input parameter 'scope' is not valid: it is longer than "
                            + Column.REFRESH_TOKEN_SCOPE.limit() + " characters.");
        }
        DeviceCodeService.DeviceAuthorization started =
                deviceCodes.start(ctx.pathParam("tenant"), form.single("client_id"), scope, BaseUrl.of(ctx));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_code", started.userCode());
        body.put("device_code", started.deviceCode());
        body.put("verification_uri", started.verificationUri());
        body.put("expires_in", started.expiresIn());
        body.put("interval", started.interval());
        body.put("message", started.message());
        ctx.header("Cache-Control", "no-store").header("Pragma", "no-cache").json(body);
    }
}
