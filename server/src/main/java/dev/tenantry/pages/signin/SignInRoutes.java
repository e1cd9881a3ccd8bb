package dev.tenantry.pages.signin;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.identity.IdentityError;
import dev.tenantry.identity.SessionService;
import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.PageSupport;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.web.SlowRefusals;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one sign-in page of both consoles (and, later, of OAuth authorize): user name first, then password. Errors
 * never tell whether an account exists; success always starts a new session and returns to a same-origin path.
 */
public final class SignInRoutes {

    private static final String INCORRECT = "Your account or password is incorrect. Check both and try again.";

    private final PageSupport pages;
    private final Function<String, Optional<String>> redirectTargets;
    private final SlowRefusals refusals;

    public SignInRoutes(PageSupport pages) {
        this(pages, returnUrl -> Optional.empty(), new SlowRefusals());
    }

    /**
     * Issue 11: {@code redirectTargets} names the registered redirect URI an authorization request's return URL ends
     * at, so the sign-in form may lead there ({@link PageSupport#allowFormActionTo}). A sign-in refused for load is
     * answered late by {@code refusals} (issue 13).
     */
    public SignInRoutes(PageSupport pages, Function<String, Optional<String>> redirectTargets, SlowRefusals refusals) {
        this.pages = pages;
        this.redirectTargets = redirectTargets;
        this.refusals = refusals;
    }

    public void register(RoutesConfig routes) {
        routes.get("/signin", this::show);
        routes.post("/signin", refusals.around(this::submit));
        routes.post("/signout", this::signOut);
    }

    private void show(Context ctx) {
        String returnUrl = PageSupport.safeReturnUrl(ctx.queryParam("returnUrl"));
        // issue 11: an authorization request's login_hint names the account, so the password step comes first
        String hint = ctx.queryParam("login_hint");
        boolean hinted = hint != null && !hint.isBlank() && hint.strip().length() <= 320;
        pages.render(
                ctx,
                "signin/signin.jte",
                new SignInPage(chrome(ctx), hinted, hinted ? hint.strip() : "", returnUrl, null));
        redirectTargets.apply(returnUrl).ifPresent(target -> PageSupport.allowFormActionTo(ctx, target));
    }

    private void submit(Context ctx) {
        pages.requireCsrf(ctx);
        String returnUrl = PageSupport.safeReturnUrl(ctx.formParam("returnUrl"));
        String userName = ctx.formParam("username") == null
                ? ""
                : ctx.formParam("username").strip();
        if (userName.isEmpty() || userName.length() > 320) {
            render(ctx, false, userName, returnUrl, "Enter your user name, such as admin@contoso.onmicrosoft.test.");
            return;
        }
        String password = ctx.formParam("password");
        if (password == null) {
            render(ctx, true, userName, returnUrl, null);
            return;
        }
        try {
            SessionService.Started started =
                    pages.sessions().signIn(ctx.cookie(PageSupport.COOKIE), userName, password);
            pages.signedInAs(ctx, started);
            ctx.redirect(returnUrl, HttpStatus.SEE_OTHER);
        } catch (AuthenticationException e) {
            // a disabled or locked account is told so (Entra does too); anything else never says which part was wrong
            boolean explained =
                    e.errorCode() == DirectoryError.ACCOUNT_DISABLED || e.errorCode() == IdentityError.ACCOUNT_LOCKED;
            String message = explained ? e.getMessage() : INCORRECT;
            render(ctx, true, userName, returnUrl, message);
            ctx.status(HttpStatus.UNAUTHORIZED);
        }
    }

    private void signOut(Context ctx) {
        pages.requireCsrf(ctx);
        pages.sessions().signOut(ctx.cookie(PageSupport.COOKIE), true);
        pages.clearCookie(ctx);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, boolean passwordStep, String userName, String returnUrl, String error) {
        pages.render(ctx, "signin/signin.jte", new SignInPage(chrome(ctx), passwordStep, userName, returnUrl, error));
        redirectTargets.apply(returnUrl).ifPresent(target -> PageSupport.allowFormActionTo(ctx, target));
    }

    private Chrome chrome(Context ctx) {
        return pages.chrome(ctx, Chrome.Console.STORE);
    }
}
