package dev.tenantry.pages.guests;

import dev.tenantry.directory.ExternalUserState;
import dev.tenantry.directory.guests.GuestService;
import dev.tenantry.directory.guests.GuestView;
import dev.tenantry.directory.guests.Invitation;
import dev.tenantry.directory.guests.NewInvitation;
import dev.tenantry.pages.DirectoryViews;
import dev.tenantry.pages.PageSupport;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.RequestError;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import dev.tenantry.web.BaseUrl;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;

/**
 * The guests page of a console (issue 10, R2): the directory's guests with their state, inviting one (the redeem link
 * is shown once, to pass on), sending an invitation again (a new link) and deleting a guest (its home account stays).
 * The admin center and the portal register it under their own paths; the guest service decides who may do what.
 */
public final class GuestRoutes {

    private final PageSupport pages;
    private final DirectoryViews views;
    private final GuestService guests;
    private final GuestConsole console;

    public GuestRoutes(PageSupport pages, DirectoryViews views, GuestService guests, GuestConsole console) {
        this.pages = pages;
        this.views = views;
        this.guests = guests;
        this.console = console;
    }

    public void register(RoutesConfig routes) {
        String base = console.guestsPath();
        routes.get(base, ctx -> signedIn(ctx).ifPresent(caller -> render(ctx, caller, notice(ctx), null, null)));
        routes.post(base + "/invite", this::invite);
        routes.post(base + "/{id}/resend", this::resend);
        routes.post(base + "/{id}/delete", this::delete);
        routes.post(base + "/settings", this::settings);
    }

    /** Entra's external collaboration setting "members can invite guests": a Global Administrator changes it. */
    private void settings(Context ctx) {
        Optional<Caller> caller = posted(ctx);
        if (caller.isPresent()) {
            guests.setMembersCanInvite(caller.get(), tenant(ctx), "on".equals(ctx.formParam("membersCanInvite")));
            ctx.redirect(console.guestsPath() + "?done=settings", HttpStatus.SEE_OTHER);
        }
    }

    private Optional<Caller> signedIn(Context ctx) {
        return pages.signedIn(ctx);
    }

    private Optional<Caller> posted(Context ctx) {
        pages.requireCsrf(ctx);
        return signedIn(ctx);
    }

    private void invite(Context ctx) {
        Optional<Caller> caller = posted(ctx);
        if (caller.isEmpty()) {
            return;
        }
        GuestsPage.Form form =
                new GuestsPage.Form(field(ctx, "email"), field(ctx, "displayName"), field(ctx, "redirectUrl"), null);
        String redirect = form.redirectUrl().isEmpty() ? BaseUrl.of(ctx) + "/" : form.redirectUrl();
        try {
            Invitation invitation = guests.invite(
                    caller.get(), tenant(ctx), new NewInvitation(form.email(), form.displayName(), redirect, null));
            render(ctx, caller.get(), noticeOf(invitation), redeemUrl(ctx, invitation), null);
        } catch (DomainException e) {
            if (e.field().isEmpty()) {
                throw e;
            }
            render(
                    ctx,
                    caller.get(),
                    null,
                    null,
                    new GuestsPage.Form(form.email(), form.displayName(), form.redirectUrl(), e.getMessage()));
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    private void resend(Context ctx) {
        Optional<Caller> caller = posted(ctx);
        if (caller.isPresent()) {
            Invitation invitation = guests.resend(caller.get(), tenant(ctx), id(ctx));
            render(
                    ctx,
                    caller.get(),
                    "A new invitation link was made; the old one no longer works.",
                    redeemUrl(ctx, invitation),
                    null);
        }
    }

    private void delete(Context ctx) {
        Optional<Caller> caller = posted(ctx);
        if (caller.isPresent()) {
            GuestView guest = guests.getGuest(caller.get(), tenant(ctx), id(ctx));
            views.userService()
                    .deleteUser(caller.get(), tenant(ctx), guest.user().id().toString());
            ctx.redirect(console.guestsPath() + "?done=deleted", HttpStatus.SEE_OTHER);
        }
    }

    private void render(Context ctx, Caller caller, String notice, String redeemUrl, GuestsPage.Form form) {
        List<GuestsPage.Row> rows = guests.listGuests(caller, tenant(ctx)).stream()
                .map(g -> new GuestsPage.Row(
                        g.user().id().toString(),
                        g.user().displayName(),
                        g.guest().invitedEmail(),
                        g.guest().state().graphName(),
                        DirectoryViews.when(g.guest().stateChangedAt()),
                        g.guest().state() == ExternalUserState.PENDING_ACCEPTANCE))
                .toList();
        pages.render(
                ctx,
                "guests/list.jte",
                new GuestsPage(
                        pages.chrome(ctx, console.console()),
                        console.nav().apply(views.switcher(caller, tenant(ctx), console.guestsPath())),
                        console.guestsPath(),
                        console.directoryTabs(),
                        rows,
                        notice,
                        redeemUrl,
                        form == null ? GuestsPage.Form.empty() : form,
                        guests.membersCanInvite(caller, tenant(ctx))));
    }

    private static String noticeOf(Invitation invitation) {
        return invitation.ticket() == null
                ? invitation.guest().invitedEmail() + " is already a guest of this directory."
                : "Invited " + invitation.guest().invitedEmail() + ". Send them this link to accept the invitation:";
    }

    private static String redeemUrl(Context ctx, Invitation invitation) {
        return invitation.ticket() == null ? null : BaseUrl.of(ctx) + invitation.redeemPath();
    }

    private static String notice(Context ctx) {
        return switch (String.valueOf(ctx.queryParam("done"))) {
            case "deleted" -> "The guest was deleted; their home account is untouched.";
            case "settings" -> "Saved who may invite guests.";
            default -> null;
        };
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }

    private TenantId tenant(Context ctx) {
        return pages.session(ctx).tenantId();
    }

    private static UserId id(Context ctx) {
        return new UserId(Ids.tryParse(ctx.pathParam("id"))
                .orElseThrow(() -> new InvalidRequestException(RequestError.INVALID_ID, "Unknown guest.")));
    }
}
