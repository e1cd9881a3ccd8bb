package dev.tenantry.identity;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.DirectoryService;
import dev.tenantry.directory.Tenant;
import dev.tenantry.directory.User;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.Secrets;
import dev.tenantry.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The token endpoint's use cases: the password, client credentials and refresh token grants (RFC 6749 §4.3, §4.4,
 * §6), shaped as the Microsoft identity platform answers them.
 */
public final class TokenService {

    private static final Duration REFRESH_LIFETIME = Duration.ofDays(90);
    private static final int REFRESH_BYTES = 32;

    private final DirectoryService directory;
    private final LockoutService lockouts;
    private final TokenSigner signer;
    private final RefreshTokenRepository refreshTokens;
    private final Audiences audiences;
    private final Clock clock;

    public TokenService(
            DirectoryService directory,
            LockoutService lockouts,
            TokenSigner signer,
            RefreshTokenRepository refreshTokens,
            Audiences audiences,
            Clock clock) {
        this.directory = directory;
        this.lockouts = lockouts;
        this.signer = signer;
        this.refreshTokens = refreshTokens;
        this.audiences = audiences;
        this.clock = clock;
    }

    /** Issues tokens for {@code request}; {@code baseUrl} is the issuer's host part. */
    public TokenResponse token(TokenRequest request, String baseUrl) {
        String grant = required(request.grantType(), "grant_type");
        return switch (grant) {
            case "password" -> password(request, baseUrl);
            case "client_credentials" -> clientCredentials(request, baseUrl);
            case "refresh_token" -> refresh(request, baseUrl);
            case "authorization_code", "device_code", "urn:ietf:params:oauth:grant-type:device_code" ->
                throw unsupportedGrant("The grant type '" + grant + "' is not supported by this server yet.");
            default -> throw unsupportedGrant("The grant type '" + grant + "' is not supported.");
        };
    }

    private TokenResponse password(TokenRequest request, String baseUrl) {
        Optional<Tenant> urlTenant = tenantOf(request.tenant());
        UUID clientId = clientId(request);
        RequestedScopes scopes = RequestedScopes.parse(request.scope());
        User user = lockouts.authenticateUser(
                required(request.username(), "username"), required(request.password(), "password"));
        if (urlTenant.isPresent() && !urlTenant.get().id().equals(user.tenantId())) {
            // same answer as a wrong password: the user is not known in this directory
            throw new AuthenticationException(
                    DirectoryError.INVALID_CREDENTIALS, "Your account or password is incorrect.");
        }
        authenticatePublicOrConfidential(user.tenantId(), clientId, request.clientSecret());
        String scp = scopes.delegatedScopes(resourceOf(scopes, user.tenantId()), clientId);
        String refresh =
                scopes.offlineAccess() ? newRefreshToken(user, clientId, scopes.raw(), UUID.randomUUID()) : null;
        return userTokens(request, baseUrl, user, clientId, scopes, scp, refresh);
    }

    private TokenResponse clientCredentials(TokenRequest request, String baseUrl) {
        Tenant tenant = tenantOf(request.tenant())
                .orElseThrow(() -> new InvalidRequestException(
                        IdentityError.TENANT_REQUIRED,
                        "Client credentials need a tenant-specific endpoint: use /{tenant-id}/oauth2/v2.0/token, "
                                + "not /common or /organizations."));
        UUID clientId = clientId(request);
        RequestedScopes scopes = RequestedScopes.parse(required(request.scope(), "scope"));
        if (!scopes.isDefault()) {
            throw new InvalidRequestException(
                    IdentityError.INVALID_SCOPE,
                    "The provided value for the input parameter 'scope' is not valid. The scope requested must be "
                            + "'<resource>/.default' for the client credentials flow, e.g. "
                            + "'https://graph.microsoft.com/.default'.");
        }
        if (FirstPartyClients.contains(clientId)) {
            throw unknownClient(clientId, tenant.id());
        }
        Caller.App app = lockouts.authenticateClient(tenant.id(), clientId, request.clientSecret());
        ProtectedResource resource = resourceOf(scopes, tenant.id());
        String issuer = TokenClaims.issuer(baseUrl, tenant.id());
        String accessToken = signer.sign(TokenClaims.appAccessToken(
                issuer, scopes.resource(), app, resource == ProtectedResource.GRAPH, clock.instant()));
        // openid/profile/offline_access are ignored here, so there is never a refresh or ID token (compat P15)
        return new TokenResponse(accessToken, expiresIn(), scopes.raw(), null, null, null);
    }

    private TokenResponse refresh(TokenRequest request, String baseUrl) {
        String presented = required(request.refreshToken(), "refresh_token");
        UUID clientId = clientId(request);
        Instant now = clock.instant();
        RefreshToken stored = refreshTokens
                .findByHash(Secrets.sha256Hex(presented))
                .orElseThrow(() -> grantRefused(
                        IdentityError.REFRESH_TOKEN_INVALID, "The refresh token is invalid or malformed."));
        if (stored.revoked()) {
            throw grantRefused(
                    IdentityError.REFRESH_TOKEN_REVOKED, "The refresh token has been revoked; sign in again.");
        }
        if (!stored.clientId().equals(clientId)) {
            throw grantRefused(
                    IdentityError.REFRESH_TOKEN_CLIENT_MISMATCH, "The refresh token was issued to a different client.");
        }
        // a scope the client may not have is refused before the refresh token is spent
        String scope = request.scope() == null || request.scope().isBlank() ? stored.scope() : request.scope();
        RequestedScopes scopes = RequestedScopes.parse(scope);
        String scp = scopes.delegatedScopes(resourceOf(scopes, stored.tenantId()), clientId);
        if (stored.usedAt() != null || !refreshTokens.markUsed(stored.tokenHash(), now)) {
            // a rotated token came back: someone else may hold it, so end the whole session (RFC 9700 §4.14.2)
            refreshTokens.revokeFamily(stored.familyId());
            throw grantRefused(
                    IdentityError.REFRESH_TOKEN_REVOKED,
                    "The refresh token was already used; every token of its session is revoked.");
        }
        if (!stored.expiresAt().isAfter(now)) {
            throw grantRefused(IdentityError.REFRESH_TOKEN_EXPIRED, "The refresh token has expired; sign in again.");
        }
        User user = directory.getUser(
                Caller.system(), stored.tenantId(), stored.userId().toString());
        if (!user.accountEnabled()) {
            throw new AuthenticationException(
                    DirectoryError.ACCOUNT_DISABLED, "The account is disabled; ask an administrator.");
        }
        authenticatePublicOrConfidential(user.tenantId(), clientId, request.clientSecret());
        String rotated = newRefreshToken(user, clientId, scopes.raw(), stored.familyId());
        return userTokens(request, baseUrl, user, clientId, scopes, scp, rotated);
    }

    private TokenResponse userTokens(
            TokenRequest request,
            String baseUrl,
            User user,
            UUID clientId,
            RequestedScopes scopes,
            String scp,
            String refresh) {
        Instant now = clock.instant();
        String issuer = TokenClaims.issuer(baseUrl, user.tenantId());
        List<UUID> wids = directory.rolesOf(Caller.system(), user.tenantId(), user.id()).stream()
                .map(DirectoryRoleTemplate::templateId)
                .sorted()
                .toList();
        String accessToken =
                signer.sign(TokenClaims.userAccessToken(issuer, scopes.resource(), scp, user, wids, clientId, now));
        String idToken = scopes.openid() ? signer.sign(TokenClaims.idToken(issuer, user, clientId, now)) : null;
        String clientInfo = request.clientInfo() ? clientInfo(user) : null;
        return new TokenResponse(accessToken, expiresIn(), scopes.raw(), refresh, idToken, clientInfo);
    }

    private String newRefreshToken(User user, UUID clientId, String scope, UUID familyId) {
        String text = Secrets.random(REFRESH_BYTES);
        Instant now = clock.instant();
        refreshTokens.insert(new RefreshToken(
                Secrets.sha256Hex(text),
                familyId,
                user.tenantId(),
                user.id(),
                clientId,
                scope,
                now,
                now.plus(REFRESH_LIFETIME),
                null,
                false));
        return text;
    }

    /**
     * The resource a token is asked for; one this server does not serve is refused as Entra refuses an unknown
     * resource principal (AADSTS500011), so no token ever names an audience Graph or ARM would have to guess about.
     */
    private ProtectedResource resourceOf(RequestedScopes scopes, TenantId tenantId) {
        return audiences
                .resourceOf(scopes.resource())
                .orElseThrow(() -> new InvalidRequestException(
                        IdentityError.INVALID_RESOURCE,
                        "The resource principal named " + scopes.resource() + " was not found in the tenant "
                                + tenantId + ". This server issues tokens for Microsoft Graph "
                                + "(https://graph.microsoft.com/.default) and Azure Resource Manager "
                                + "(https://management.core.windows.net//.default) only."));
    }

    /** First-party clients are public; a registered application must prove itself with its secret. */
    private void authenticatePublicOrConfidential(TenantId tenantId, UUID clientId, String clientSecret) {
        if (!FirstPartyClients.contains(clientId)) {
            lockouts.authenticateClient(tenantId, clientId, clientSecret);
        }
    }

    private Optional<Tenant> tenantOf(String segment) {
        String tenant = segment == null ? "" : segment.toLowerCase(Locale.ROOT);
        if (tenant.equals("common") || tenant.equals("organizations")) {
            return Optional.empty();
        }
        return Optional.of(directory
                .findTenant(tenant)
                .orElseThrow(() -> new NotFoundException(
                        DirectoryError.TENANT_NOT_FOUND,
                        "Tenant '" + segment + "' not found. Check to make sure you have the correct tenant ID and "
                                + "are signing into the correct cloud.")));
    }

    private static UUID clientId(TokenRequest request) {
        String text = required(request.clientId(), "client_id");
        return Ids.tryParse(text)
                .orElseThrow(() -> new AuthenticationException(
                        DirectoryError.INVALID_CLIENT, "Application with identifier '" + text + "' was not found."));
    }

    private static String clientInfo(User user) {
        String json = "{\"uid\":\"" + user.id() + "\",\"utid\":\"" + user.tenantId() + "\"}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static long expiresIn() {
        return TokenClaims.LIFETIME.toSeconds() - 1;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(
                    IdentityError.MISSING_PARAMETER,
                    "The request body must contain the following parameter: '" + field + "'.");
        }
        return value;
    }

    private static AuthenticationException grantRefused(IdentityError code, String message) {
        return new AuthenticationException(code, message);
    }

    private static AuthenticationException unknownClient(UUID clientId, TenantId tenantId) {
        return new AuthenticationException(
                DirectoryError.INVALID_CLIENT,
                "Application with identifier '" + clientId + "' was not found in the directory '" + tenantId + "'.");
    }

    private static InvalidRequestException unsupportedGrant(String message) {
        return new InvalidRequestException(IdentityError.UNSUPPORTED_GRANT_TYPE, message);
    }
}
