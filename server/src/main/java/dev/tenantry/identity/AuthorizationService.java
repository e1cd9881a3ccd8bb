package dev.tenantry.identity;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.Tenant;
import dev.tenantry.directory.apps.DelegatedPermission;
import dev.tenantry.directory.apps.PermissionGrantService;
import dev.tenantry.directory.apps.RedirectUriService;
import dev.tenantry.directory.apps.RedirectUris;
import dev.tenantry.directory.tenants.TenantService;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Column;
import dev.tenantry.shared.ErrorCode;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.Secrets;
import dev.tenantry.shared.TenantId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The authorization endpoint's use case (RFC 6749 §4.1, OpenID Connect Core §3.1, RFC 7636; issue 11): checks the
 * client and its redirect URI (a mistake there is shown to the person, never sent anywhere), then the request (a
 * mistake there goes back to the redirect URI), decides whether the person must sign in or consent first, and issues
 * single-use authorization codes, stored only as their hash and bound to the client, the redirect URI, the PKCE
 * challenge and the consented scopes.
 */
public final class AuthorizationService {

    /** How long a code may be redeemed, as in Entra. */
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    private static final int CODE_BYTES = 32;
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final Set<String> PROMPTS = Set.of("login", "none", "select_account", "consent");

    private final TenantService tenants;
    private final RedirectUriService clients;
    private final PermissionGrantService grants;
    private final Audiences audiences;
    private final RefreshTokenRepository codes;
    private final Clock clock;
    private final HybridIdTokens hybridIdTokens;
    private final SignInAssignments assignments;
    private final RegisteredApis apis;

    /**
     * The service; {@code hybrid} signs the hybrid flow's ID tokens ({@code response_type=code id_token}),
     * {@link HybridIdTokens#NONE} turns that flow off.
     */
    public AuthorizationService(
            TenantService tenants,
            RedirectUriService clients,
            PermissionGrantService grants,
            Audiences audiences,
            RefreshTokenRepository codes,
            Clock clock,
            HybridIdTokens hybrid) {
        this(tenants, clients, grants, audiences, codes, clock, hybrid, SignInAssignments.NONE);
    }

    /** As above; {@code assignments} refuses users an app requires an assignment of (issue 11, AADSTS50105). */
    public AuthorizationService(
            TenantService tenants,
            RedirectUriService clients,
            PermissionGrantService grants,
            Audiences audiences,
            RefreshTokenRepository codes,
            Clock clock,
            HybridIdTokens hybrid,
            SignInAssignments assignments) {
        this(tenants, clients, grants, audiences, codes, clock, hybrid, assignments, RegisteredApis.NONE);
    }

    /** As above; {@code apis} are the APIs of each directory a user may sign in to and consent for (issue 11). */
    public AuthorizationService(
            TenantService tenants,
            RedirectUriService clients,
            PermissionGrantService grants,
            Audiences audiences,
            RefreshTokenRepository codes,
            Clock clock,
            HybridIdTokens hybrid,
            SignInAssignments assignments,
            RegisteredApis apis) {
        this.apis = apis;
        this.assignments = assignments;
        this.hybridIdTokens = hybrid;
        this.tenants = tenants;
        this.clients = clients;
        this.grants = grants;
        this.audiences = audiences;
        this.codes = codes;
        this.clock = clock;
    }

    /** The client of a request whose client id and redirect URI are right: where answers may be sent. */
    public record Client(
            UUID clientId,
            TenantId tenantId,
            String displayName,
            String redirectUri,
            RedirectUris.Platform platform,
            Optional<TenantId> urlTenant) {

        /** Whether the client cannot keep a secret (a SPA or a native app), so it must use PKCE. */
        public boolean isPublic() {
            return platform != RedirectUris.Platform.WEB;
        }
    }

    /**
     * A request whose parameters are right: for Graph or ARM ({@code resource}), or for a registered API of the
     * client's directory ({@code api}, issue 11; {@code resource} null then).
     */
    public record Checked(
            RequestedScopes scopes,
            ProtectedResource resource,
            Set<String> prompts,
            Long maxAge,
            boolean hybrid,
            TokenResource.AppApi api) {

        /** A request for Graph or ARM. */
        public Checked(
                RequestedScopes scopes, ProtectedResource resource, Set<String> prompts, Long maxAge, boolean hybrid) {
            this(scopes, resource, prompts, maxAge, hybrid, null);
        }
    }

    /** What happens next. */
    public sealed interface Decision {}

    /** The person must sign in first ({@code fresh}: even when signed in, for {@code prompt=login} or max_age). */
    public record SignIn(boolean fresh) implements Decision {}

    /**
     * The person must consent to {@code permissions} first; {@code adminOnly} names those only an administrator may
     * grant, and {@code mayConsentForOrganization} whether this person is one.
     */
    public record Consent(List<String> permissions, List<String> adminOnly, boolean mayConsentForOrganization)
            implements Decision {}

    /** A code may be issued. */
    public record Issue() implements Decision {}

    /** The request must go back to the client with an OAuth error ({@code prompt=none} that needs interaction). */
    public record Refuse(String error, String description) implements Decision {}

    /**
     * Checks the tenant, the client id and the redirect URI: an unknown tenant or client, or a redirect URI the client
     * did not register, is refused here (shown as a page, never redirected to: AADSTS50011, AADSTS700016).
     */
    public Client client(AuthorizeRequest request) {
        Optional<TenantId> urlTenant = urlTenant(request.tenant());
        String clientText = request.clientId();
        if (clientText == null || clientText.isBlank()) {
            throw new InvalidRequestException(
                    IdentityError.MISSING_PARAMETER,
                    "AADSTS900144: The request body must contain the following parameter: 'client_id'.");
        }
        RedirectUriService.RegisteredClient registered = Ids.tryParse(clientText.strip())
                .flatMap(clients::client)
                .filter(c -> urlTenant.isEmpty()
                        || urlTenant.get().equals(c.application().tenantId()))
                .orElseThrow(() -> new AuthenticationException(
                        DirectoryError.INVALID_CLIENT,
                        "AADSTS700016: Application with identifier '" + clientText + "' was not found in the directory"
                                + urlTenant.map(t -> " '" + t + "'").orElse("") + ". Check the client id, and "
                                + "that the application is registered in the directory you sign in to."));
        String redirectUri = request.redirectUri();
        if (redirectUri == null || redirectUri.isBlank()) {
            RedirectUris uris = registered.redirectUris();
            if (uris.all().size() != 1) {
                throw redirectMismatch(registered, "(none)");
            }
            redirectUri = uris.all().get(0);
        }
        String uri = redirectUri;
        RedirectUris.Platform platform =
                registered.redirectUris().platformOf(uri).orElseThrow(() -> redirectMismatch(registered, uri));
        return new Client(
                registered.application().appId(),
                registered.application().tenantId(),
                registered.application().displayName(),
                uri,
                platform,
                urlTenant);
    }

    /**
     * Checks the rest of the request; a refusal is an {@link InvalidRequestException} whose code says which OAuth error
     * the client gets at its redirect URI ({@link #oauthError}).
     */
    public Checked check(Client client, AuthorizeRequest request) {
        String responseType =
                request.responseType() == null ? "" : request.responseType().strip();
        Set<String> types = Set.copyOf(Arrays.asList(responseType.split("\\s+", -1)));
        boolean hybrid = types.equals(Set.of("code", "id_token")) && hybridIdTokens != HybridIdTokens.NONE;
        if (!types.equals(Set.of("code")) && !hybrid) {
            throw new InvalidRequestException(
                    IdentityError.UNSUPPORTED_RESPONSE_TYPE,
                    "AADSTS70005: response_type '" + responseType + "' is not supported; use 'code' or "
                            + "'code id_token'.");
        }
        String mode = request.responseMode();
        if (hybrid && "query".equals(mode)) {
            throw invalid("AADSTS70007: response_mode 'query' is not allowed when an ID token is returned from the "
                    + "authorization endpoint; use fragment or form_post.");
        }
        if (hybrid && (request.nonce() == null || request.nonce().isBlank())) {
            throw invalid("AADSTS90014: nonce is required when response_type contains id_token.");
        }
        if (mode != null && !Set.of("query", "fragment", "form_post").contains(mode)) {
            throw invalid("AADSTS900116: response_mode '" + mode + "' is not supported; use query, fragment or "
                    + "form_post.");
        }
        Set<String> prompts = new LinkedHashSet<>();
        if (request.prompt() != null && !request.prompt().isBlank()) {
            for (String prompt : request.prompt().strip().split("\\s+", -1)) {
                if (!PROMPTS.contains(prompt)) {
                    throw invalid("AADSTS90023: prompt '" + prompt + "' is not supported; use login, none, "
                            + "select_account or consent.");
                }
                prompts.add(prompt);
            }
        }
        Long maxAge = null;
        if (request.maxAge() != null && !request.maxAge().isBlank()) {
            try {
                maxAge = Long.parseLong(request.maxAge().strip());
            } catch (NumberFormatException e) {
                maxAge = -1L;
            }
            if (maxAge < 0) {
                throw invalid("max_age must be a number of seconds, 0 or more.");
            }
        }
        checkPkce(client, request);
        if (!Column.AUTHORIZATION_CODE_NONCE.fits(request.nonce())) {
            throw invalid("nonce is longer than " + Column.AUTHORIZATION_CODE_NONCE.limit() + " characters.");
        }
        Checked scopes = checkScope(client, request.scope());
        if (hybrid && !scopes.scopes().openid()) {
            throw new InvalidRequestException(
                    IdentityError.INVALID_SCOPE, "AADSTS900144: an ID token needs the 'openid' scope.");
        }
        return new Checked(scopes.scopes(), scopes.resource(), Set.copyOf(prompts), maxAge, hybrid, scopes.api());
    }

    /** Checks the {@code scope} of an authorization or admin consent request. */
    public Checked checkScope(Client client, String requestedScope) {
        String scope = requestedScope == null ? "" : requestedScope.strip();
        if (scope.isEmpty()) {
            throw new InvalidRequestException(
                    IdentityError.INVALID_SCOPE,
                    "AADSTS900144: The request body must contain the following parameter: 'scope'.");
        }
        if (!Column.REFRESH_TOKEN_SCOPE.fits(scope)) {
            throw new InvalidRequestException(
                    IdentityError.INVALID_SCOPE,
                    "The scope is longer than " + Column.REFRESH_TOKEN_SCOPE.limit() + " characters.");
        }
        RequestedScopes scopes = RequestedScopes.parse(scope);
        Optional<ProtectedResource> firstParty = audiences.resourceOf(scopes.resource());
        if (firstParty.isEmpty()) {
            TokenResource.AppApi api = apis.find(client.tenantId(), scopes.resource())
                    .orElseThrow(() -> new InvalidRequestException(
                            IdentityError.INVALID_SCOPE,
                            "AADSTS500011: The resource principal named " + scopes.resource() + " was not found in "
                                    + "the tenant " + client.tenantId() + ". This server signs users in to Microsoft "
                                    + "Graph, Azure Resource Manager and the APIs applications of the tenant expose "
                                    + "(api://{appId}/{scope}), once they have a service principal."));
            for (String name : scopes.names()) {
                if (!name.equals(".default") && api.scope(name).isEmpty()) {
                    throw new InvalidRequestException(
                            IdentityError.INVALID_SCOPE,
                            "AADSTS650053: The application '" + client.clientId() + "' asked for scope '" + name
                                    + "' that doesn't exist on the resource '" + api.appId() + "' ("
                                    + api.displayName() + "). Its scopes: "
                                    + api.scopes().stream()
                                            .map(TokenResource.Scope::value)
                                            .toList()
                                    + ".");
                }
            }
            if (scopes.names().contains(".default")) {
                // Entra's static consent: .default asks for what the client's registration lists for the API
                api = api.onlyScopes(apis.requiredScopes(client.tenantId(), client.clientId(), api));
            }
            return new Checked(scopes, null, Set.of(), null, false, api);
        }
        ProtectedResource resource = firstParty.get();
        if (resource == ProtectedResource.GRAPH) {
            for (String name : scopes.names()) {
                if (!name.equals(".default")
                        && DelegatedPermission.byName(name).isEmpty()
                        && resource.preAuthorizedScopes(client.clientId()).stream()
                                .noneMatch(name::equalsIgnoreCase)) {
                    throw new InvalidRequestException(
                            IdentityError.INVALID_SCOPE,
                            "AADSTS70011: The provided value for the input parameter 'scope' is not valid: '" + name
                                    + "' is not a delegated permission of Microsoft Graph this server knows.");
                }
            }
        }
        return new Checked(scopes, resource, Set.of(), null, false);
    }

    /** The hybrid flow's ID token for the code {@code code} just issued to {@code user}. */
    public String hybridIdToken(
            Client client, AuthorizeRequest request, Caller.User user, String code, String baseUrl) {
        return hybridIdToken(client, request, user, code, baseUrl, null);
    }

    /** The hybrid flow's ID token, carrying {@code sid} (the browser session's, when not null). */
    public String hybridIdToken(
            Client client, AuthorizeRequest request, Caller.User user, String code, String baseUrl, String sid) {
        return hybridIdTokens.idToken(user, client.clientId(), request.nonce(), code, baseUrl, sid);
    }

    /** Whether {@code user} may consent for every user of its directory. */
    public boolean mayConsentForOrganization(Caller.User user) {
        return grants.mayConsentForOrganization(user);
    }

    /**
     * Whether {@code user} (empty: nobody signed in; {@code signedInAt} when the session began) may get a code now,
     * or must sign in or consent first; with {@code prompt=none}, anything that needs the person is a refusal.
     */
    public Decision decide(Client client, Checked checked, Optional<Caller.User> user, Instant signedInAt) {
        boolean none = checked.prompts().contains("none");
        boolean fresh = checked.prompts().contains("login") || checked.prompts().contains("select_account");
        if (checked.maxAge() != null
                && signedInAt != null
                && signedInAt.plusSeconds(checked.maxAge()).isBefore(clock.instant())) {
            fresh = true;
        }
        boolean rightDirectory = user.isPresent() && user.get().tenantId().equals(client.tenantId());
        if (!rightDirectory || fresh) {
            return none
                    ? new Refuse(
                            "interaction_required",
                            "AADSTS50058: A silent sign-in request was sent but no user is signed in, or the user "
                                    + "must sign in again.")
                    : new SignIn(fresh);
        }
        Caller.User signedIn = user.get();
        // a user the app does not admit sees Entra's AADSTS50105 page, before any consent is asked
        assignments.requireAssigned(client.tenantId(), signedIn.userId(), client.clientId());
        if (checked.api() != null) {
            return decideApi(client, checked, signedIn, none);
        }
        List<String> consented =
                grants.consentedScopes(client.tenantId(), signedIn.userId().value(), client.clientId());
        List<String> missing = checked.scopes().ungranted(checked.resource(), client.clientId(), consented);
        if (checked.resource() != ProtectedResource.GRAPH) {
            missing = List.of();
        }
        boolean ask = !missing.isEmpty() || checked.prompts().contains("consent");
        if (!ask) {
            return new Issue();
        }
        if (none) {
            return new Refuse(
                    "consent_required",
                    "AADSTS65001: The user or administrator has not consented to use the application '"
                            + client.displayName() + "'. Send an interactive authorization request.");
        }
        List<String> permissions = new ArrayList<>(checked.scopes().oidc());
        if (checked.resource() == ProtectedResource.GRAPH) {
            permissions.addAll(checked.scopes().names().stream()
                    .filter(n -> !n.equals(".default"))
                    .map(n -> DelegatedPermission.byName(n)
                            .map(DelegatedPermission::value)
                            .orElse(n))
                    .toList());
        }
        List<String> adminOnly = permissions.stream()
                .filter(p -> DelegatedPermission.byName(p)
                        .map(DelegatedPermission::adminOnly)
                        .orElse(false))
                .filter(p -> consented.stream().noneMatch(p::equalsIgnoreCase))
                .toList();
        return new Consent(
                permissions.stream().distinct().toList(), adminOnly, grants.mayConsentForOrganization(signedIn));
    }

    /**
     * The decision for a request for a registered API (issue 11): consent is asked for the API's scopes the user (or
     * an administrator for everyone) has not let the client use yet; {@code .default} asks for every enabled scope
     * until one is consented. Scopes of type {@code Admin} need an administrator (AADSTS65001 for a user).
     */
    private Decision decideApi(Client client, Checked checked, Caller.User user, boolean none) {
        TokenResource.AppApi api = checked.api();
        List<String> consented = apiConsented(client, user, api);
        List<String> missing = apiPermissions(checked).stream()
                .filter(n -> consented.stream().noneMatch(n::equalsIgnoreCase))
                .toList();
        if (checked.scopes().names().contains(".default") && !consented.isEmpty()) {
            missing = List.of();
        }
        if (missing.isEmpty() && !checked.prompts().contains("consent")) {
            if (consented.isEmpty() && apiPermissions(checked).isEmpty()) {
                return new Refuse(
                        "invalid_client",
                        "AADSTS650057: Invalid resource. The client has requested access to a resource which isn't "
                                + "listed in the requested permissions in the client's application registration. "
                                + "Client app ID: " + client.clientId() + ". Resource value from request: "
                                + api.requested() + ". Resource app ID: " + api.appId() + ". List the API's "
                                + "delegated permissions in the application's requiredResourceAccess, or ask for them "
                                + "by name.");
            }
            return new Issue();
        }
        if (none) {
            return new Refuse(
                    "consent_required",
                    "AADSTS65001: The user or administrator has not consented to use the application '"
                            + client.displayName() + "' for the API '" + api.displayName()
                            + "'. Send an interactive authorization request.");
        }
        List<String> permissions = new ArrayList<>(checked.scopes().oidc());
        permissions.addAll(apiPermissions(checked));
        List<String> adminOnly = missing.stream()
                .filter(n -> api.scope(n).map(TokenResource.Scope::adminOnly).orElse(true))
                .toList();
        return new Consent(permissions.stream().distinct().toList(), adminOnly, grants.mayConsentForOrganization(user));
    }

    /**
     * The permissions a consent to {@code checked} grants (issue 11): for a registered API the OpenID Connect scopes
     * and the API's scopes as it spells them (every enabled one for {@code .default}); else the OpenID Connect scopes
     * and the named Graph permissions.
     */
    public List<String> permissions(Checked checked) {
        List<String> names = new ArrayList<>(checked.scopes().oidc());
        if (checked.api() != null) {
            names.addAll(apiPermissions(checked));
        } else {
            checked.scopes().names().stream().filter(n -> !n.equals(".default")).forEach(names::add);
        }
        return names;
    }

    /** How the consent page names {@code permission} of {@code checked}'s API: empty for a Graph permission. */
    public Optional<TokenResource.Scope> apiScope(Checked checked, String permission) {
        return checked.api() == null ? Optional.empty() : checked.api().scope(permission);
    }

    /**
     * Records the signed-in person's consent to {@code permissions} of {@code checked}'s resource for the client (for
     * everyone: admin consent): the OpenID Connect scopes as Graph permissions, a registered API's scopes as a grant
     * whose resource is its service principal (issue 11).
     */
    public void consent(
            Client client, Checked checked, Caller.User user, List<String> permissions, boolean forOrganization) {
        if (checked.api() == null) {
            consent(client, user, permissions, forOrganization);
            return;
        }
        List<String> oidc = permissions.stream()
                .filter(p -> checked.scopes().oidc().contains(p))
                .toList();
        List<String> scopes = permissions.stream()
                .filter(p -> !checked.scopes().oidc().contains(p))
                .toList();
        grants.consentToApi(user, client.clientId(), checked.api().appId(), scopes, forOrganization);
        if (!oidc.isEmpty()) {
            grants.consent(user, client.clientId(), oidc, forOrganization);
        }
    }

    private List<String> apiPermissions(Checked checked) {
        TokenResource.AppApi api = checked.api();
        if (checked.scopes().names().isEmpty() || checked.scopes().names().contains(".default")) {
            return api.scopes().stream().map(TokenResource.Scope::value).toList();
        }
        return checked.scopes().names().stream()
                .flatMap(n -> api.scope(n).stream())
                .map(TokenResource.Scope::value)
                .distinct()
                .toList();
    }

    private List<String> apiConsented(Client client, Caller.User user, TokenResource.AppApi api) {
        return grants.consentedScopes(
                client.tenantId(), user.userId().value(), client.clientId(), api.servicePrincipalId());
    }

    /** Records the signed-in person's consent to {@code permissions} for the client (for everyone: admin consent). */
    public void consent(Client client, Caller.User user, List<String> permissions, boolean forOrganization) {
        grants.consent(user, client.clientId(), permissions, forOrganization);
    }

    /**
     * Issue 11: the URLs a sign-out loads in hidden iframes (OpenID Connect Front-Channel Logout 1.0 §2, §4): the
     * {@code web.logoutUrl} of each application {@code clientIds} the browser session signed into, with the session's
     * {@code sid} and the issuer {@code iss} (the v2.0 issuer of the session's directory, as its ID tokens carry).
     * Entra itself sends only {@code sid} ({@code GET /logout?sid=…}, no {@code iss}); the spec's {@code iss} is added
     * as well — an app written for Entra ignores it, and a generic OpenID Connect client that checks {@code sid}
     * requires both.
     */
    public List<String> frontChannelLogoutUrls(List<UUID> clientIds, String sid, TenantId tenantId, String baseUrl) {
        String issuer = baseUrl + "/" + tenantId + "/v2.0";
        List<String> urls = new ArrayList<>();
        for (String logoutUrl : clients.logoutUrls(clientIds).values()) {
            urls.add(logoutUrl + (logoutUrl.contains("?") ? "&" : "?") + "sid="
                    + URLEncoder.encode(sid, StandardCharsets.UTF_8) + "&iss="
                    + URLEncoder.encode(issuer, StandardCharsets.UTF_8));
        }
        return urls;
    }

    /** Issues a code for {@code user}; returns its text, which is never stored. */
    public String issue(Client client, AuthorizeRequest request, Checked checked, Caller.User user) {
        return issue(client, request, checked, user, null);
    }

    /**
     * Issues a code for {@code user} signed in by the browser session whose {@code sid} (nullable) the code's ID tokens
     * carry (OpenID Connect Front-Channel Logout 1.0 §3); returns its text, which is never stored.
     */
    public String issue(Client client, AuthorizeRequest request, Checked checked, Caller.User user, String sid) {
        if (!user.tenantId().equals(client.tenantId())) {
            throw new AuthenticationException(
                    DirectoryError.INVALID_CLIENT,
                    "The application '" + client.displayName() + "' is not registered in your directory.");
        }
        grants.ensureServicePrincipal(client.tenantId(), client.clientId());
        String scp;
        if (checked.api() != null) {
            List<String> consented = apiConsented(client, user, checked.api());
            scp = String.join(
                    " ",
                    checked.scopes().names().contains(".default")
                            ? consented
                            : apiPermissions(checked).stream()
                                    .filter(n -> consented.stream().anyMatch(n::equalsIgnoreCase))
                                    .toList());
        } else {
            List<String> consented =
                    grants.consentedScopes(client.tenantId(), user.userId().value(), client.clientId());
            scp = checked.scopes().delegatedScopes(checked.resource(), client.clientId(), consented);
        }
        String text = Secrets.random(CODE_BYTES);
        Instant now = clock.instant();
        codes.insertCode(new AuthorizationCode(
                Secrets.sha256Hex(text),
                UUID.randomUUID(),
                user.tenantId(),
                user.userId(),
                client.clientId(),
                client.redirectUri(),
                checked.scopes().raw(),
                scp,
                request.nonce(),
                request.codeChallenge(),
                now,
                now.plus(CODE_LIFETIME),
                null,
                sid));
        return text;
    }

    /**
     * The {@code post_logout_redirect_uri} a logout may go back to (issue 11): empty when none was asked for; else it
     * must be exactly one of the client's registered redirect URIs (the client named by
     * {@code clientId}, or by the {@code aud} of {@code idTokenHint}). Anything else is refused, never redirected to.
     */
    public Optional<String> postLogoutRedirect(String clientId, String idTokenHint, String postLogoutRedirectUri) {
        if (postLogoutRedirectUri == null || postLogoutRedirectUri.isBlank()) {
            return Optional.empty();
        }
        String client = clientId;
        if ((client == null || client.isBlank()) && idTokenHint != null) {
            try {
                List<String> aud = com.nimbusds.jwt.JWTParser.parse(idTokenHint)
                        .getJWTClaimsSet()
                        .getAudience();
                client = aud.size() == 1 ? aud.get(0) : null;
            } catch (java.text.ParseException | RuntimeException e) {
                client = null;
            }
        }
        String named = client;
        RedirectUriService.RegisteredClient registered = Ids.tryParse(named)
                .flatMap(clients::client)
                .orElseThrow(() -> new InvalidRequestException(
                        IdentityError.REDIRECT_URI_MISMATCH,
                        "AADSTS50011: The post_logout_redirect_uri cannot be checked: send the client_id (or an "
                                + "id_token_hint) of the application it belongs to."));
        // exactly one of the registered redirect URIs (a public client's loopback URI with any port), as Entra checks
        if (registered.redirectUris().platformOf(postLogoutRedirectUri).isEmpty()) {
            throw new InvalidRequestException(
                    IdentityError.REDIRECT_URI_MISMATCH,
                    "AADSTS50011: The post_logout_redirect_uri '" + postLogoutRedirectUri + "' does not match the "
                            + "redirect URIs configured for the application '" + named + "'. Register it as a redirect"
                            + " URI of the application (Graph: web.redirectUris), or send one that is registered.");
        }
        return Optional.of(postLogoutRedirectUri);
    }

    /** The OAuth {@code error} a refusal of {@link #check} or {@link #consent} goes back to the client with. */
    public static String oauthError(ErrorCode code) {
        if (code == IdentityError.UNSUPPORTED_RESPONSE_TYPE) {
            return "unsupported_response_type";
        }
        if (code == IdentityError.INVALID_SCOPE) {
            return "invalid_scope";
        }
        if (code == DirectoryError.ADMIN_CONSENT_REQUIRED) {
            return "access_denied";
        }
        return "invalid_request";
    }

    private void checkPkce(Client client, AuthorizeRequest request) {
        String challenge = request.codeChallenge();
        String method = request.codeChallengeMethod();
        if (challenge == null || challenge.isBlank()) {
            if (client.isPublic()) {
                throw invalid("AADSTS9002325: Proof Key for Code Exchange is required for cross-origin and public "
                        + "client authorization code redemption: send code_challenge and code_challenge_method=S256.");
            }
            if (method != null) {
                throw invalid("code_challenge_method was sent without code_challenge.");
            }
            return;
        }
        if (method == null || !method.equals("S256")) {
            throw invalid("AADSTS50158: code_challenge_method '" + (method == null ? "plain" : method)
                    + "' is not supported: only S256 is accepted (plain is refused).");
        }
        if (!CHALLENGE.matcher(challenge).matches()) {
            throw invalid("code_challenge must be 43 to 128 characters of [A-Za-z0-9-._~] (RFC 7636 §4.2).");
        }
    }

    private Optional<TenantId> urlTenant(String segment) {
        String tenant = segment == null ? "" : segment.toLowerCase(Locale.ROOT);
        if (tenant.equals("common") || tenant.equals("organizations")) {
            return Optional.empty();
        }
        return Optional.of(tenants.findTenant(tenant)
                .map(Tenant::id)
                .orElseThrow(() -> new NotFoundException(
                        DirectoryError.TENANT_NOT_FOUND,
                        "AADSTS90002: Tenant '" + segment + "' not found. Check to make sure you have the correct "
                                + "tenant ID and are signing into the correct cloud.")));
    }

    private static InvalidRequestException redirectMismatch(RedirectUriService.RegisteredClient client, String uri) {
        return new InvalidRequestException(
                IdentityError.REDIRECT_URI_MISMATCH,
                "AADSTS50011: The redirect URI '" + uri + "' specified in the request does not match the redirect URIs "
                        + "configured for the application '"
                        + client.application().appId() + "'. Make sure the "
                        + "redirect URI sent in the request matches one added to your application (web, spa or "
                        + "publicClient redirectUris).");
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(IdentityError.INVALID_AUTHORIZE_REQUEST, message);
    }
}
