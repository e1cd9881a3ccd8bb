package dev.tenantry.pages.signin;

import dev.tenantry.directory.apps.DelegatedPermission;
import dev.tenantry.identity.AuthorizationService;
import dev.tenantry.identity.AuthorizeRequest;
import dev.tenantry.identity.LoginHint;
import dev.tenantry.identity.SessionService;
import dev.tenantry.identity.TokenResource;
import dev.tenantry.identity.WebSession;
import dev.tenantry.pages.Chrome;
import dev.tenantry.pages.PageSupport;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.web.BaseUrl;
import dev.tenantry.web.Gate;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The authorization endpoint (issue 11): {@code GET /{tenant}/oauth2/v2.0/authorize} with the shared sign-in page and a
 * consent page, admin consent ({@code /{tenant}/v2.0/adminconsent}) and logout ({@code /{tenant}/oauth2/v2.0/logout}).
 * A wrong client or redirect URI is a page; every other answer goes back to the redirect URI in the response mode
 * asked for.
 */
public final class AuthorizeRoutes {

    private static final String[] PARAMETERS = {
        "client_id",
        "redirect_uri",
        "response_type",
        "response_mode",
        "scope",
        "state",
        "nonce",
        "prompt",
        "login_hint",
        "domain_hint",
        "max_age",
        "code_challenge",
        "code_challenge_method"
    };

    private static final Pattern AUTHORIZE_PATH =
            Pattern.compile("/([^/?]+)/oauth2/v2\\.0/authorize\\?(.*)", Pattern.DOTALL);

    private final PageSupport pages;
    private final AuthorizationService authorization;

    public AuthorizeRoutes(PageSupport pages, AuthorizationService authorization) {
        this.pages = pages;
        this.authorization = authorization;
    }

    public void register(RoutesConfig routes) {
        routes.get("/{tenant}/oauth2/v2.0/authorize", this::authorize, Gate.ANONYMOUS);
        routes.post("/{tenant}/oauth2/v2.0/consent", this::consent, Gate.ANONYMOUS);
        routes.get("/{tenant}/v2.0/adminconsent", this::adminConsent, Gate.ANONYMOUS);
        routes.get("/{tenant}/oauth2/v2.0/logout", this::logout, Gate.ANONYMOUS);
        routes.post("/{tenant}/oauth2/v2.0/logout", this::logout, Gate.ANONYMOUS);
    }

    private void authorize(Context ctx) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : PARAMETERS) {
            String value = ctx.queryParam(name);
            if (value != null) {
                query.put(name, value);
            }
        }
        authorize(ctx, ctx.pathParam("tenant"), query);
    }

    private void authorize(Context ctx, String tenant, Map<String, String> query) {
        AuthorizeRequest request = request(tenant, query);
        AuthorizationService.Client client = authorization.client(request);
        String mode = responseMode(request);
        AuthorizationService.Checked checked;
        try {
            checked = authorization.check(client, request);
        } catch (DomainException e) {
            answer(ctx, client, mode, refusal(request, AuthorizationService.oauthError(e.errorCode()), e.getMessage()));
            return;
        }
        Optional<Caller.User> user = pages.caller(ctx);
        WebSession session = pages.session(ctx);
        Instant signedInAt = session.signedIn() ? pages.sessions().signedInAt(session) : null;
        switch (authorization.decide(client, checked, user, signedInAt)) {
            case AuthorizationService.SignIn ignored -> {
                String returnUrl = authorizeUrl(tenant, query);
                String hint = request.loginHint() == null
                        ? ""
                        : "&login_hint=" + URLEncoder.encode(request.loginHint(), StandardCharsets.UTF_8);
                ctx.redirect(
                        "/signin?returnUrl=" + URLEncoder.encode(returnUrl, StandardCharsets.UTF_8) + hint,
                        HttpStatus.FOUND);
            }
            case AuthorizationService.Refuse refuse ->
                answer(ctx, client, mode, refusal(request, refuse.error(), refuse.description()));
            case AuthorizationService.Consent consent ->
                renderConsent(ctx, client, checked, tenant, query, consent, false);
            case AuthorizationService.Issue ignored -> {
                String code = authorization.issue(client, request, checked, user.orElseThrow());
                // issue 11: the session signed into this app, so its sign-out loads the app's front-channel logout URL
                pages.sessions().signedInto(session, client.clientId());
                Map<String, String> response = new LinkedHashMap<>();
                response.put("code", code);
                if (checked.hybrid()) {
                    response.put(
                            "id_token",
                            authorization.hybridIdToken(client, request, user.orElseThrow(), code, BaseUrl.of(ctx)));
                }
                if (request.state() != null) {
                    response.put("state", request.state());
                }
                answer(ctx, client, mode, response);
            }
        }
    }

    private void consent(Context ctx) {
        pages.requireCsrf(ctx);
        String tenant = ctx.pathParam("tenant");
        Map<String, String> query = parse(ctx.formParam("query"));
        boolean admin = "admin".equals(query.remove("consent_mode"));
        AuthorizeRequest request = request(tenant, query);
        AuthorizationService.Client client = authorization.client(request);
        String mode = admin ? "query" : responseMode(request);
        Optional<Caller.User> user = pages.caller(ctx);
        if (user.isEmpty()) {
            ctx.redirect(
                    "/signin?returnUrl=" + URLEncoder.encode(authorizeUrl(tenant, query), StandardCharsets.UTF_8),
                    HttpStatus.SEE_OTHER);
            return;
        }
        if (!"accept".equals(ctx.formParam("decision"))) {
            answer(
                    ctx,
                    client,
                    mode,
                    refusal(request, "access_denied", "AADSTS65004: User declined to consent to access the app."));
            return;
        }
        AuthorizationService.Checked checked;
        try {
            checked = admin ? authorization.checkScope(client, request.scope()) : authorization.check(client, request);
            authorization.consent(
                    client,
                    checked,
                    user.get(),
                    authorization.permissions(checked),
                    admin || "true".equals(ctx.formParam("for_organization")));
        } catch (DomainException e) {
            answer(ctx, client, mode, refusal(request, AuthorizationService.oauthError(e.errorCode()), e.getMessage()));
            return;
        }
        if (admin) {
            Map<String, String> response = new LinkedHashMap<>();
            response.put("admin_consent", "True");
            response.put("tenant", user.get().tenantId().toString());
            response.put("scope", checked.scopes().raw());
            if (request.state() != null) {
                response.put("state", request.state());
            }
            answer(ctx, client, "query", response);
            return;
        }
        ctx.redirect(authorizeUrl(tenant, query), HttpStatus.SEE_OTHER);
    }

    private void adminConsent(Context ctx) {
        String tenant = ctx.pathParam("tenant");
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : new String[] {"client_id", "redirect_uri", "scope", "state"}) {
            String value = ctx.queryParam(name);
            if (value != null) {
                query.put(name, value);
            }
        }
        AuthorizeRequest request = request(tenant, query);
        AuthorizationService.Client client = authorization.client(request);
        AuthorizationService.Checked checked;
        try {
            checked = authorization.checkScope(client, request.scope());
        } catch (DomainException e) {
            answer(
                    ctx,
                    client,
                    "query",
                    refusal(request, AuthorizationService.oauthError(e.errorCode()), e.getMessage()));
            return;
        }
        Optional<Caller.User> user = pages.caller(ctx);
        if (user.isEmpty() || !user.get().tenantId().equals(client.tenantId())) {
            String returnUrl = ctx.path() + "?" + ctx.queryString();
            ctx.redirect("/signin?returnUrl=" + URLEncoder.encode(returnUrl, StandardCharsets.UTF_8), HttpStatus.FOUND);
            return;
        }
        List<String> names = authorization.permissions(checked);
        boolean isAdmin = authorization.mayConsentForOrganization(user.get());
        query.put("consent_mode", "admin");
        renderConsent(
                ctx,
                client,
                checked,
                tenant,
                query,
                new AuthorizationService.Consent(names, isAdmin ? List.of() : names, isAdmin),
                true);
    }

    private void logout(Context ctx) {
        String target = authorization
                .postLogoutRedirect(
                        param(ctx, "client_id"), param(ctx, "id_token_hint"), param(ctx, "post_logout_redirect_uri"))
                .orElse(null);
        // logout_hint (an ID token's login_hint claim) names the account to sign out, so no account is asked for: a
        // session of another account is left signed in
        Optional<LoginHint> hint = LoginHint.parse(param(ctx, "logout_hint"));
        Optional<Caller.User> signedIn = pages.caller(ctx);
        boolean otherAccount = hint.isPresent()
                && signedIn.isPresent()
                && !(hint.get().objectId().equals(signedIn.get().userId().value())
                        && hint.get().tenantId().equals(signedIn.get().tenantId()));
        List<String> frames = List.of();
        if (!otherAccount) {
            WebSession session = pages.session(ctx);
            if (session.signedIn()) {
                frames = authorization.frontChannelLogoutUrls(
                        pages.sessions().clientsOf(session),
                        SessionService.sid(session),
                        session.tenantId(),
                        BaseUrl.of(ctx));
            }
            pages.sessions().signOut(ctx.cookie(PageSupport.COOKIE), false);
            pages.clearCookie(ctx);
        }
        if (!frames.isEmpty()) {
            // issue 11: a page that loads each app's front-channel logout URL in a hidden iframe, then continues
            String next = target == null ? null : withState(target, param(ctx, "state"));
            pages.render(
                    ctx,
                    "signin/frontchannel.jte",
                    new FrontChannelLogoutPage(pages.chrome(ctx, Chrome.Console.STORE), frames, next));
            PageSupport.allowFramesFrom(ctx, frames);
            return;
        }
        if (target == null) {
            pages.render(ctx, "signin/signedout.jte", new SignedOutPage(pages.chrome(ctx, Chrome.Console.STORE)));
            return;
        }
        ctx.redirect(withState(target, param(ctx, "state")), HttpStatus.FOUND);
    }

    private static String withState(String target, String state) {
        return state == null ? target : target + (target.contains("?") ? "&" : "?") + "state=" + enc(state);
    }

    /**
     * The registered redirect URI the authorization request {@code returnUrl} (a path of this server) answers to, if it
     * is one and names a known client and one of its redirect URIs: where a sign-in form's answer finally leads.
     */
    public Optional<String> redirectTarget(String returnUrl) {
        Matcher path = AUTHORIZE_PATH.matcher(returnUrl == null ? "" : returnUrl);
        if (!path.matches()) {
            return Optional.empty();
        }
        try {
            String tenant = URLDecoder.decode(path.group(1), StandardCharsets.UTF_8);
            return Optional.of(
                    authorization.client(request(tenant, parse(path.group(2)))).redirectUri());
        } catch (DomainException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void renderConsent(
            Context ctx,
            AuthorizationService.Client client,
            AuthorizationService.Checked checked,
            String tenant,
            Map<String, String> query,
            AuthorizationService.Consent consent,
            boolean admin) {
        List<ConsentPage.Permission> permissions = consent.permissions().stream()
                .map(name -> authorization
                        .apiScope(checked, name)
                        .map(scope -> apiPermission(checked, scope))
                        .or(() -> DelegatedPermission.byName(name)
                                .map(p -> new ConsentPage.Permission(p.value(), p.description(), p.adminOnly())))
                        .orElse(new ConsentPage.Permission(name, "Use " + name, false)))
                .toList();
        boolean blocked =
                !consent.mayConsentForOrganization() && !consent.adminOnly().isEmpty();
        Map<String, String> back = new LinkedHashMap<>(query);
        back.remove("prompt");
        pages.render(
                ctx,
                "signin/consent.jte",
                new ConsentPage(
                        pages.chrome(ctx, Chrome.Console.STORE),
                        client.displayName(),
                        permissions,
                        blocked,
                        consent.mayConsentForOrganization(),
                        admin,
                        "/" + tenant + "/oauth2/v2.0/consent",
                        encode(back)));
        PageSupport.allowFormActionTo(ctx, client.redirectUri());
    }

    /** A registered API's scope as the consent page lists it: its consent display name, API and description. */
    private static ConsentPage.Permission apiPermission(
            AuthorizationService.Checked checked, TokenResource.Scope scope) {
        String title = (scope.displayName() == null ? scope.value() : scope.displayName()) + " ("
                + checked.api().displayName() + ")";
        String description = scope.description() == null
                ? "Use " + scope.value() + " of " + checked.api().displayName()
                : scope.description();
        return new ConsentPage.Permission(title, description, scope.adminOnly());
    }

    /** Sends {@code response} to the client's redirect URI in {@code mode}. */
    private void answer(Context ctx, AuthorizationService.Client client, String mode, Map<String, String> response) {
        String uri = client.redirectUri();
        switch (mode) {
            case "form_post" -> {
                List<FormPostPage.Field> fields = response.entrySet().stream()
                        .map(e -> new FormPostPage.Field(e.getKey(), e.getValue()))
                        .toList();
                pages.render(ctx, "signin/form_post.jte", new FormPostPage(uri, fields));
                // the one page that posts to another origin: the client's registered redirect URI
                ctx.header(
                        "Content-Security-Policy",
                        "default-src 'none'; script-src 'self'; form-action " + origin(uri)
                                + "; frame-ancestors 'none'; base-uri 'none'");
            }
            case "fragment" -> ctx.redirect(uri + "#" + encode(response), HttpStatus.FOUND);
            default -> ctx.redirect(uri + (uri.contains("?") ? "&" : "?") + encode(response), HttpStatus.FOUND);
        }
    }

    private static Map<String, String> refusal(AuthorizeRequest request, String error, String description) {
        Map<String, String> response = new LinkedHashMap<>();
        response.put("error", error);
        response.put("error_description", description);
        if (request.state() != null) {
            response.put("state", request.state());
        }
        return response;
    }

    private static String responseMode(AuthorizeRequest request) {
        String mode = request.responseMode();
        if (mode == null
                && request.responseType() != null
                && request.responseType().contains("id_token")) {
            return "fragment"; // the hybrid flow's default (OAuth 2.0 Multiple Response Types §5)
        }
        return mode != null && (mode.equals("fragment") || mode.equals("form_post")) ? mode : "query";
    }

    private static AuthorizeRequest request(String tenant, Map<String, String> query) {
        return new AuthorizeRequest(
                tenant,
                query.get("client_id"),
                query.get("redirect_uri"),
                query.get("response_type"),
                query.get("response_mode"),
                query.get("scope"),
                query.get("state"),
                query.get("nonce"),
                query.get("prompt"),
                query.get("login_hint"),
                query.get("domain_hint"),
                query.get("max_age"),
                query.get("code_challenge"),
                query.get("code_challenge_method"));
    }

    /**
     * The authorization request again, without the prompt or max_age that sent the person to sign in or consent (they
     * are satisfied by then; kept, {@code max_age=0} would send the person back to sign in forever).
     */
    private static String authorizeUrl(String tenant, Map<String, String> query) {
        Map<String, String> again = new LinkedHashMap<>(query);
        again.remove("prompt");
        again.remove("max_age");
        return "/" + enc(tenant) + "/oauth2/v2.0/authorize?" + encode(again);
    }

    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value != null || !ctx.method().name().equals("POST") ? value : ctx.formParam(name);
    }

    private static String encode(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        values.forEach((name, value) -> {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(enc(name)).append('=').append(enc(value));
        });
        return out.toString();
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> values = new LinkedHashMap<>();
        if (query == null || query.isBlank()) {
            return values;
        }
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String origin(String uri) {
        URI parsed = URI.create(uri);
        return parsed.getScheme() + "://" + parsed.getRawAuthority();
    }
}
