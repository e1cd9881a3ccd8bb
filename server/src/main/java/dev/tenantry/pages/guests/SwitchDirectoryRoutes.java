package dev.tenantry.pages.guests;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.Tenant;
import dev.tenantry.directory.guests.GuestService;
import dev.tenantry.identity.SessionService;
import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.PageSupport;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.NotFoundException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * The directory switcher's action (issue 10): the signed-in account opens another directory it may act in (its home,
 * or one that made it a guest), and the session then acts there as its user object, the guest object for a guest.
 */
public final class SwitchDirectoryRoutes {

    private final PageSupport pages;
    private final GuestService guests;

    public SwitchDirectoryRoutes(PageSupport pages, GuestService guests) {
        this.pages = pages;
        this.guests = guests;
    }

    public void register(RoutesConfig routes) {
        routes.get("/switch-directory", this::show);
        routes.post("/switch-directory", this::switchTo);
    }

    private void show(Context ctx) {
        Optional<Caller> caller = pages.signedIn(ctx);
        if (caller.isEmpty()) {
            return;
        }
        Caller.User user = (Caller.User) caller.get();
        Tenant target = target(user, ctx.queryParam("tenant"));
        pages.render(
                ctx,
                "guests/switch.jte",
                new SwitchDirectoryPage(
                        pages.chrome(ctx, Chrome.Console.STORE),
                        target.id().toString(),
                        target.displayName(),
                        target.initialDomain(),
                        !target.id().equals(user.home().tenantId()),
                        PageSupport.safeReturnUrl(ctx.queryParam("returnUrl"))));
    }

    private void switchTo(Context ctx) {
        pages.requireCsrf(ctx);
        Optional<Caller.User> caller = pages.caller(ctx);
        if (caller.isEmpty()) {
            ctx.redirect("/signin", HttpStatus.SEE_OTHER);
            return;
        }
        Tenant target = target(caller.get(), ctx.formParam("tenant"));
        SessionService.Started started = pages.sessions()
                .switchDirectory(ctx.cookie(PageSupport.COOKIE), caller.get().home(), target.id());
        pages.signedInAs(ctx, started);
        ctx.redirect(PageSupport.safeReturnUrl(ctx.formParam("returnUrl")), HttpStatus.SEE_OTHER);
    }

    /** One of the caller's directories; any other is not found (R14). */
    private Tenant target(Caller.User caller, String tenant) {
        return guests.directoriesOf(caller).stream()
                .filter(t -> t.id().toString().equalsIgnoreCase(tenant == null ? "" : tenant.strip()))
                .findFirst()
                .orElseThrow(() -> new NotFoundException(
                        DirectoryError.TENANT_NOT_FOUND,
                        "Directory '" + tenant + "' does not exist or you are not a user of it."));
    }
}
