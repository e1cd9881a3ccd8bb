package dev.tenantry.pages;

import dev.tenantry.web.Failure;
import dev.tenantry.web.FailureRenderer;
import io.javalin.http.Context;
import java.util.regex.Pattern;

/** Failures on the web pages: an HTML page with the reason and what to do, in the console's frame. */
public final class HtmlFailureRenderer implements FailureRenderer {

    private static final Pattern PAGE_PATHS =
            Pattern.compile("^/($|signin|signout|store|portal|admin|static|redeem|switch-directory|devicelogin)(/.*)?$"
                    // issue 11: the authorization endpoint's refusals that must not go to the redirect URI
                    + "|^/[^/]+/oauth2/v2\\.0/(authorize|consent|logout)$|^/[^/]+/v2\\.0/adminconsent$");

    private final PageSupport pages;

    public HtmlFailureRenderer(PageSupport pages) {
        this.pages = pages;
    }

    @Override
    public boolean handles(Context ctx) {
        return PAGE_PATHS.matcher(ctx.path()).matches();
    }

    @Override
    public void render(Context ctx, Failure failure) {
        Chrome.Console console = ctx.path().startsWith("/portal")
                ? Chrome.Console.PORTAL
                : ctx.path().startsWith("/admin") ? Chrome.Console.ADMIN : Chrome.Console.STORE;
        ErrorPage page = new ErrorPage(
                pages.chrome(ctx, console),
                failure.status(),
                title(failure.status()),
                failure.message(),
                failure.requiredRoles());
        pages.render(ctx, "error.jte", page);
        ctx.status(failure.status());
    }

    static String title(int status) {
        return switch (status) {
            case 403 -> "You can't do that here";
            case 404 -> "Page not found";
            case 400, 422 -> "Something in the request needs fixing";
            case 401 -> "Please sign in";
            case 429 -> "Too many attempts";
            case 503 -> "We're busy right now";
            default -> status >= 500 ? "Something went wrong on our side" : "That didn't work";
        };
    }
}
