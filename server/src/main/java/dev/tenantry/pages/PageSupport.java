package dev.tenantry.pages;

import dev.tenantry.directory.User;
import dev.tenantry.directory.users.UserService;
import dev.tenantry.identity.SessionService;
import dev.tenantry.identity.WebSession;
import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Secrets;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import dev.tenantry.web.PageTokens;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * What every page handler shares: the session behind the {@code __Host-} cookie, CSRF checks, rendering a typed page
 * model with its precompiled template, and the security headers of every page. A visitor who has not signed in has no
 * session row (issue 7.10): the CSRF token of anonymous forms lives in a second {@code __Host-} cookie, signed with
 * an HMAC under a server secret of the database, so any node can check it and nobody can forge one.
 */
public final class PageSupport {

    public static final String COOKIE = "__Host-tenantry-session";
    public static final String CSRF_COOKIE = "__Host-tenantry-csrf";
    private static final String CSRF_PURPOSE = "anonymous-csrf";
    private static final String SESSION = "tenantry.webSession";
    private static final String CSP =
            "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; connect-src 'self'; "
                    + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final TemplateEngine templates;
    private final SessionService sessions;
    private final UserService users;
    private final PageTokens signedValues;
    private final BiFunction<TenantId, UserId, Optional<Caller.Account>> homes;

    public PageSupport(TemplateEngine templates, SessionService sessions, UserService users, PageTokens signedValues) {
        this(
                templates,
                sessions,
                users,
                signedValues,
                (tenantId, userId) -> Optional.of(new Caller.Account(tenantId, userId)));
    }

    /**
     * Pages whose sessions may act as a guest object (issue 10): {@code homes} names the home account of the user
     * object a session acts as (itself for a member), empty when it may no longer act.
     */
    public PageSupport(
            TemplateEngine templates,
            SessionService sessions,
            UserService users,
            PageTokens signedValues,
            BiFunction<TenantId, UserId, Optional<Caller.Account>> homes) {
        this.templates = templates;
        this.sessions = sessions;
        this.users = users;
        this.signedValues = signedValues;
        this.homes = homes;
    }

    public SessionService sessions() {
        return sessions;
    }

    /**
     * The visitor's signed-in session, or an anonymous one that is never stored, whose CSRF token comes from the
     * signed cookie (set on the first visit).
     */
    public WebSession session(Context ctx) {
        WebSession cached = ctx.attribute(SESSION);
        if (cached != null) {
            return cached;
        }
        WebSession session =
                sessions.find(ctx.cookie(COOKIE)).orElseGet(() -> WebSession.anonymous(anonymousCsrfToken(ctx)));
        ctx.attribute(SESSION, session);
        return session;
    }

    /**
     * The signed-in caller without redirecting: the session's user object, with the account it signed in with (a
     * guest object's home, issue 10); empty when signed out or when the guest object may no longer act.
     */
    public Optional<Caller.User> caller(Context ctx) {
        WebSession session = session(ctx);
        if (!session.signedIn()) {
            return Optional.empty();
        }
        return homes.apply(session.tenantId(), session.userId())
                .map(home -> new Caller.User(session.tenantId(), session.userId(), home, Optional.empty()));
    }

    /** The signed-in caller, or empty after redirecting to the sign-in page (the handler should then return). */
    public Optional<Caller> signedIn(Context ctx) {
        Optional<Caller> caller = caller(ctx).map(Caller.class::cast);
        if (caller.isEmpty()) {
            ctx.redirect("/signin?returnUrl=" + URLEncoder.encode(returnUrl(ctx), StandardCharsets.UTF_8));
        }
        return caller;
    }

    /** A page handler for a signed-in caller ({@link #whenSignedIn}, {@link #whenPosted}). */
    @FunctionalInterface
    public interface SignedInAction {
        void handle(Context ctx, Caller caller);
    }

    /** Runs {@code action} for the signed-in caller, or sends the visitor to sign in first. */
    public void whenSignedIn(Context ctx, SignedInAction action) {
        Optional<Caller> caller = signedIn(ctx);
        if (caller.isPresent()) {
            action.handle(ctx, caller.get());
        }
    }

    /** Runs a form post's {@code action} once its CSRF token is checked, for the signed-in caller. */
    public void whenPosted(Context ctx, SignedInAction action) {
        requireCsrf(ctx);
        whenSignedIn(ctx, action);
    }

    /** Forgets the session cookie in the browser (after sign-out). */
    public void clearCookie(Context ctx) {
        ctx.cookie(new Cookie(COOKIE, "", "/", 0, true, true, null, SameSite.LAX));
    }

    /** Replaces the session cookie after sign-in (a new session id every time). */
    public void signedInAs(Context ctx, SessionService.Started started) {
        setCookie(ctx, started.cookieValue());
        ctx.attribute(SESSION, started.session());
    }

    /**
     * Refuses a form post whose {@code csrf_token} is missing or is not the signed-in session's (or, without a
     * session, the one in the visitor's signed CSRF cookie).
     */
    public void requireCsrf(Context ctx) {
        String sent = ctx.formParam("csrf_token");
        WebSession session = sessions.find(ctx.cookie(COOKIE))
                .or(() -> signedCsrfToken(ctx).map(WebSession::anonymous))
                .orElse(null);
        if (sent == null || session == null || !Secrets.constantTimeEquals(sent, session.csrfToken())) {
            throw new AccessDeniedException(
                    PageError.CSRF_FAILED,
                    "This form has expired or did not come from this site. Go back, reload the page and try again.");
        }
        ctx.attribute(SESSION, session);
    }

    /** The frame of a page in {@code console}, with the signed-in user when there is one. */
    public Chrome chrome(Context ctx, Chrome.Console console) {
        WebSession session = session(ctx);
        if (!session.signedIn()) {
            return new Chrome(console, null, null, session.csrfToken());
        }
        User user = users.getUser(
                Caller.system(), session.tenantId(), session.userId().toString());
        return new Chrome(console, user.displayName(), user.userPrincipalName(), session.csrfToken());
    }

    /** Renders {@code template} (a path under src/main/jte) with its typed model. */
    public void render(Context ctx, String template, Object model) {
        StringOutput output = new StringOutput();
        templates.render(template, model, output);
        securityHeaders(ctx);
        ctx.contentType("text/html; charset=utf-8").result(output.toString());
    }

    /** Strict headers for every HTML answer: CSP, no framing, no sniffing, no caching of personal pages. */
    public static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
    }

    /**
     * Issue 11: lets the forms of the page just rendered also lead to {@code target}'s origin (an application's
     * registered redirect URI, checked by the caller). CSP's {@code form-action} governs the redirects a form
     * submission follows too (Chromium enforces it), so with {@code 'self'} alone the sign-in and consent forms, whose
     * answers redirect back to the application, would stop the browser on its way there. Not http(s): unchanged.
     */
    public static void allowFormActionTo(Context ctx, String target) {
        String origin = httpOrigin(target);
        if (origin != null) {
            ctx.header("Content-Security-Policy", CSP.replace("form-action 'self'", "form-action 'self' " + origin));
        }
    }

    /**
     * Issue 11: lets the page just rendered frame exactly the origins of {@code urls} (the front-channel logout URLs
     * of the applications a sign-out signs out of); every other frame stays refused by {@code default-src 'none'}.
     */
    public static void allowFramesFrom(Context ctx, List<String> urls) {
        Set<String> origins = new LinkedHashSet<>();
        for (String url : urls) {
            String origin = httpOrigin(url);
            if (origin != null) {
                origins.add(origin);
            }
        }
        if (!origins.isEmpty()) {
            ctx.header("Content-Security-Policy", CSP + "; frame-src " + String.join(" ", origins));
        }
    }

    private static String httpOrigin(String uri) {
        try {
            URI parsed = new URI(uri);
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            String host = parsed.getHost();
            if (!(scheme.equals("https") || scheme.equals("http"))
                    || host == null
                    || !host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
                return null;
            }
            return scheme + "://" + host + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** A same-origin path to return to; anything else (another host, {@code //x}, a scheme) becomes {@code /}. */
    public static String safeReturnUrl(String requested) {
        if (requested == null
                || !requested.startsWith("/")
                || requested.startsWith("//")
                || requested.startsWith("/\\")
                || requested.chars().anyMatch(c -> c < 0x20 || c == '\\')) {
            return "/";
        }
        return requested;
    }

    private static String returnUrl(Context ctx) {
        String query = ctx.queryString();
        return ctx.path() + (query == null ? "" : "?" + query);
    }

    /** The anonymous visitor's CSRF token: the one in a valid signed cookie, or a new one in a new cookie. */
    private String anonymousCsrfToken(Context ctx) {
        return signedCsrfToken(ctx).orElseGet(() -> {
            String token = Secrets.random(24);
            setCookie(ctx, CSRF_COOKIE, signedValues.seal(CSRF_PURPOSE, token));
            return token;
        });
    }

    private Optional<String> signedCsrfToken(Context ctx) {
        String cookie = ctx.cookie(CSRF_COOKIE);
        return cookie == null || cookie.length() > 200 ? Optional.empty() : signedValues.tryOpen(CSRF_PURPOSE, cookie);
    }

    private static void setCookie(Context ctx, String value) {
        setCookie(ctx, COOKIE, value);
    }

    private static void setCookie(Context ctx, String name, String value) {
        ctx.cookie(new Cookie(name, value, "/", -1, true, true, null, SameSite.LAX));
    }
}
