package dev.tenantry.identity.grants;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.Tenant;
import dev.tenantry.directory.User;
import dev.tenantry.directory.users.UserService;
import dev.tenantry.identity.ApiTokenError;
import dev.tenantry.identity.Grant;
import dev.tenantry.identity.RegisteredApis;
import dev.tenantry.identity.RequestedScopes;
import dev.tenantry.identity.RequiredParameter;
import dev.tenantry.identity.SigningKeys;
import dev.tenantry.identity.TokenRequest;
import dev.tenantry.identity.TokenResponse;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.TenantId;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The on-behalf-of grant (issue 11; Microsoft identity platform "OAuth 2.0 On-Behalf-Of flow", RFC 7523 §2.1): a
 * confidential middle-tier API exchanges the access token a user's client got for it ({@code assertion}) for a token
 * to a downstream API (Graph, ARM, or another registered API), carrying the user and what the user or an administrator
 * let the middle tier use of that API.
 *
 * <p>Checks, each with Entra's answer: a public client has no credential (AADSTS7000218); the assertion must be a JWT
 * (AADSTS50027) signed by this server's keys and issued by the directory it names, the path's if it names one
 * (AADSTS50013), within its lifetime with five minutes of skew (AADSTS500133), for the calling client's own API, its app
 * id or one of its identifier URIs (AADSTS500131), and a user's token, never an app-only one. A refresh token comes back
 * when {@code offline_access} is asked for, as in Entra.
 */
final class OnBehalfOfGrant implements Grant {

    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final TenantSegment tenants;
    private final ClientAuthentication clients;
    private final Resources resources;
    private final RegisteredApis apis;
    private final SigningKeys keys;
    private final UserService users;
    private final RefreshTokenIssuer refreshTokens;
    private final UserTokens userTokens;
    private final Clock clock;

    OnBehalfOfGrant(
            TenantSegment tenants,
            ClientAuthentication clients,
            Resources resources,
            RegisteredApis apis,
            SigningKeys keys,
            UserService users,
            RefreshTokenIssuer refreshTokens,
            UserTokens userTokens,
            Clock clock) {
        this.tenants = tenants;
        this.clients = clients;
        this.resources = resources;
        this.apis = apis;
        this.keys = keys;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.userTokens = userTokens;
        this.clock = clock;
    }

    @Override
    public Set<String> grantTypes() {
        return Set.of(GRANT_TYPE);
    }

    @Override
    public TokenResponse issue(TokenRequest request, String baseUrl) {
        TokenRequest.Parameters parameters = request.parameters();
        String use = RequiredParameter.of(parameters.requestedTokenUse(), "requested_token_use");
        if (!"on_behalf_of".equals(use)) {
            throw new InvalidRequestException(
                    ApiTokenError.INVALID_REQUESTED_TOKEN_USE,
                    "requested_token_use must be 'on_behalf_of' with grant_type " + GRANT_TYPE + ", was '" + use
                            + "'.");
        }
        UUID clientId = ClientAuthentication.clientId(request.client());
        if (request.client().secret() == null && !request.client().hasAssertion()) {
            throw new AuthenticationException(
                    ApiTokenError.CONFIDENTIAL_CLIENT_REQUIRED,
                    "The request body must contain the following parameter: 'client_assertion' or 'client_secret'. "
                            + "Only a confidential client (the middle-tier API) can use the on-behalf-of flow.");
        }
        JWTClaimsSet assertion = verified(RequiredParameter.of(parameters.assertion(), "assertion"));
        TenantId tenantId = tenantOf(assertion, tenants.resolve(request.tenant()));
        requireUser(assertion);
        requireAudienceOfClient(assertion, tenantId, clientId);
        clients.confidential(tenantId, clientId, request, baseUrl);
        User user = users.getUser(Caller.system(), tenantId, claim(assertion, "oid"));
        if (!user.accountEnabled()) {
            throw new AuthenticationException(
                    DirectoryError.ACCOUNT_DISABLED, "The account is disabled; ask an administrator.");
        }
        RequestedScopes scopes = RequestedScopes.parse(RequiredParameter.of(request.scope(), "scope"));
        DelegatedAccess access =
                new DelegatedAccess(user, clientId, scopes, resources.delegated(scopes, tenantId, user.id(), clientId));
        String refresh = scopes.offlineAccess() ? refreshTokens.mint(access, UUID.randomUUID(), null) : null;
        return userTokens.issue(access, refresh, request.clientInfo(), baseUrl);
    }

    /** The assertion's claims, once its signature and lifetime are checked. */
    private JWTClaimsSet verified(String assertion) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) { // Nimbus throws unchecked exceptions on some odd headers
            throw new InvalidRequestException(
                    ApiTokenError.ASSERTION_MALFORMED,
                    "JWT token is invalid or malformed: the assertion is not a JWT.");
        }
        Optional<JWSVerifier> verifier =
                JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                        ? keys.verifier(jwt.getHeader().getKeyID())
                        : Optional.empty();
        if (verifier.isEmpty() || !verifies(jwt, verifier.get())) {
            throw invalid("Assertion failed signature validation: it was not signed by this server's keys.");
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        Date nbf = claims.getNotBeforeTime();
        if (exp == null
                || exp.toInstant().plus(SKEW).isBefore(now)
                || (nbf != null && nbf.toInstant().minus(SKEW).isAfter(now))) {
            throw new AuthenticationException(
                    ApiTokenError.ASSERTION_EXPIRED,
                    "Assertion is not within its valid time range: it expired at "
                            + (exp == null ? "an unknown time" : exp.toInstant())
                            + ". The client must get a new token for the middle-tier API.");
        }
        return claims;
    }

    /**
     * The directory of the assertion: its {@code tid}, which its issuer must name (as this server's v1 and v2 issuers
     * do) and which must be the path's directory when the path names one.
     */
    private static TenantId tenantOf(JWTClaimsSet assertion, Optional<Tenant> path) {
        TenantId tenantId = new TenantId(Ids.tryParse(claim(assertion, "tid"))
                .orElseThrow(() -> invalid("The assertion has no valid 'tid' claim.")));
        String issuerPath;
        try {
            issuerPath = new URI(String.valueOf(assertion.getIssuer())).getPath();
        } catch (URISyntaxException e) {
            issuerPath = null;
        }
        if (!("/" + tenantId + "/v2.0").equals(issuerPath) && !("/" + tenantId + "/").equals(issuerPath)) {
            throw invalid("The assertion's issuer '" + assertion.getIssuer() + "' is not the issuer of its directory.");
        }
        if (path.isPresent() && !path.get().id().equals(tenantId)) {
            throw invalid("The assertion was issued by the directory " + tenantId + ", not by "
                    + path.get().id() + " whose token endpoint was called. Use /" + tenantId + "/oauth2/v2.0/token.");
        }
        return tenantId;
    }

    /** An app-only token stands for no user, so nothing can be done on a user's behalf with it. */
    private static void requireUser(JWTClaimsSet assertion) {
        if ("app".equals(assertion.getClaim("idtyp")) || assertion.getClaim("scp") == null) {
            throw new AuthenticationException(
                    ApiTokenError.ASSERTION_APP_ONLY,
                    "The assertion is an app-only token: the on-behalf-of flow needs a user's delegated token "
                            + "(with an 'scp' claim) for the middle-tier API.");
        }
    }

    /** The assertion must be a token for the calling client's own API: its app id or one of its identifier URIs. */
    private void requireAudienceOfClient(JWTClaimsSet assertion, TenantId tenantId, UUID clientId) {
        List<String> aud = assertion.getAudience();
        String audience = aud.size() == 1 ? aud.get(0) : String.join(" ", aud);
        boolean ours = aud.size() == 1
                && (audience.equalsIgnoreCase(clientId.toString())
                        || apis.find(tenantId, audience)
                                .filter(api -> api.appId().equals(clientId))
                                .isPresent());
        if (!ours) {
            throw new AuthenticationException(
                    ApiTokenError.ASSERTION_AUDIENCE,
                    "Assertion audience does not match the Client app presenting the assertion. The audience in the "
                            + "assertion was '" + audience + "' and the expected audience is '" + clientId
                            + "' or one of the Application Uris of this application with App ID '" + clientId
                            + "'. The downstream client must request a token for the expected audience (the "
                            + "application that made the OBO request) and this application should use that token as "
                            + "the assertion.");
        }
    }

    private static String claim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String text ? text : "";
    }

    private static boolean verifies(SignedJWT jwt, JWSVerifier verifier) {
        try {
            return jwt.verify(verifier);
        } catch (JOSEException e) {
            return false;
        }
    }

    private static AuthenticationException invalid(String message) {
        return new AuthenticationException(ApiTokenError.ASSERTION_INVALID, message);
    }
}
