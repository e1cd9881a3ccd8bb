package dev.tenantry.pages.guests;

import dev.tenantry.directory.guests.GuestService;
import dev.tenantry.directory.guests.RedeemOffer;
import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.PageSupport;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.RequestError;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import java.util.UUID;

/**
 * Redeeming a B2B invitation (issue 10): the invitee opens the redeem URL, signs in with their home account on the
 * shared sign-in page, sees which directory invited them and accepts; then goes on to the invitation's redirect URL.
 */
public final class RedeemRoutes {

    private final PageSupport pages;
    private final GuestService guests;

    public RedeemRoutes(PageSupport pages, GuestService guests) {
        this.pages = pages;
        this.guests = guests;
    }

    public void register(RoutesConfig routes) {
        routes.get("/redeem", this::show);
        routes.post("/redeem", this::accept);
    }

    private void show(Context ctx) {
        TenantId tenantId = new TenantId(uuid(ctx.queryParam("tenant"), "tenant"));
        UserId guestId = new UserId(uuid(ctx.queryParam("guest"), "guest"));
        String ticket = ctx.queryParam("ticket");
        RedeemOffer offer = guests.offer(tenantId, guestId, ticket);
        if (pages.signedIn(ctx).isEmpty()) {
            return;
        }
        pages.render(
                ctx,
                "guests/redeem.jte",
                new RedeemPage(
                        pages.chrome(ctx, Chrome.Console.STORE),
                        offer.inviter().displayName(),
                        offer.inviter().initialDomain(),
                        offer.guest().invitedEmail(),
                        tenantId.toString(),
                        guestId.toString(),
                        ticket));
    }

    private void accept(Context ctx) {
        pages.requireCsrf(ctx);
        Optional<Caller.User> caller = pages.caller(ctx);
        if (caller.isEmpty()) {
            ctx.redirect("/signin", HttpStatus.SEE_OTHER);
            return;
        }
        String next = guests.redeem(
                caller.get().home(),
                new TenantId(uuid(ctx.formParam("tenant"), "tenant")),
                new UserId(uuid(ctx.formParam("guest"), "guest")),
                ctx.formParam("ticket"));
        // the redirect URL was checked to be an absolute http(s) URL when the invitation was made
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    private static UUID uuid(String value, String name) {
        return Ids.tryParse(value)
                .orElseThrow(() -> new InvalidRequestException(
                        RequestError.INVALID_ID, "The invitation link is incomplete: '" + name + "' is missing."));
    }
}
