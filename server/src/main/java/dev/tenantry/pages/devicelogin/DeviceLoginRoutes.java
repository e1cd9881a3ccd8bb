package dev.tenantry.pages.devicelogin;

import dev.tenantry.identity.DeviceCodeError;
import dev.tenantry.identity.DeviceCodeService;
import dev.tenantry.identity.SessionService;
import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.PageSupport;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * The device code flow's verification page (issue 11), behind the shared sign-in: {@code GET /devicelogin} asks for
 * the code the device shows, {@code POST /devicelogin} names the application asking, and
 * {@code POST /devicelogin/decide} approves or declines it. Wrong codes count against the user (the service limits
 * guesses); every post carries the CSRF token.
 */
public final class DeviceLoginRoutes {

    private static final String CODE = "devicelogin/code.jte";

    private final PageSupport pages;
    private final DeviceCodeService deviceCodes;

    public DeviceLoginRoutes(PageSupport pages, DeviceCodeService deviceCodes) {
        this.pages = pages;
        this.deviceCodes = deviceCodes;
    }

    public void register(RoutesConfig routes) {
        routes.get("/devicelogin", this::show);
        routes.post("/devicelogin", this::lookUp);
        routes.post("/devicelogin/decide", this::decide);
    }

    private void show(Context ctx) {
        if (user(ctx).isEmpty()) {
            return;
        }
        String prefilled = Optional.ofNullable(ctx.queryParam("otc")).orElse("");
        pages.render(ctx, CODE, page(ctx, "code", prefilled, null, null, null));
    }

    private void lookUp(Context ctx) {
        pages.requireCsrf(ctx);
        Optional<Caller.User> caller = user(ctx);
        if (caller.isEmpty()) {
            return;
        }
        String entered = Optional.ofNullable(ctx.formParam("otc")).orElse("");
        DeviceCodeService.PendingSignIn pending;
        try {
            pending = deviceCodes.pending(caller.get(), entered);
        } catch (DomainException e) {
            if (e.errorCode() == DeviceCodeError.INVALID_USER_CODE) {
                ctx.status(HttpStatus.BAD_REQUEST);
                pages.render(ctx, CODE, page(ctx, "code", entered, null, null, e.getMessage()));
                return;
            }
            throw e;
        }
        pages.render(
                ctx,
                "devicelogin/confirm.jte",
                page(ctx, "confirm", pending.userCode(), pending.applicationName(), pending.scope(), null));
    }

    private void decide(Context ctx) {
        pages.requireCsrf(ctx);
        Optional<Caller.User> caller = user(ctx);
        if (caller.isEmpty()) {
            return;
        }
        boolean approve = "approve".equals(ctx.formParam("decision"));
        DeviceCodeService.PendingSignIn pending = deviceCodes.pending(caller.get(), ctx.formParam("otc"));
        deviceCodes.decide(caller.get(), pending.userCode(), approve, SessionService.sid(pages.session(ctx)));
        pages.render(
                ctx,
                "devicelogin/confirm.jte",
                page(
                        ctx,
                        approve ? "approved" : "declined",
                        pending.userCode(),
                        pending.applicationName(),
                        pending.scope(),
                        null));
    }

    /** The signed-in user, or empty after sending the visitor to the sign-in page. */
    private Optional<Caller.User> user(Context ctx) {
        Optional<Caller.User> caller = pages.caller(ctx);
        if (caller.isEmpty()) {
            pages.signedIn(ctx);
        }
        return caller;
    }

    private DeviceLoginPage page(
            Context ctx, String step, String userCode, String applicationName, String scope, String error) {
        return new DeviceLoginPage(
                pages.chrome(ctx, Chrome.Console.STORE), step, userCode, applicationName, scope, error);
    }
}
