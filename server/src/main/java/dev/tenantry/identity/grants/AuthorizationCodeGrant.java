package dev.tenantry.identity.grants;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.User;
import dev.tenantry.directory.users.UserService;
import dev.tenantry.identity.AuthorizationCode;
import dev.tenantry.identity.Grant;
import dev.tenantry.identity.Hashes;
import dev.tenantry.identity.IdentityError;
import dev.tenantry.identity.RefreshTokenRepository;
import dev.tenantry.identity.RequestedScopes;
import dev.tenantry.identity.RequiredParameter;
import dev.tenantry.identity.TokenRequest;
import dev.tenantry.identity.TokenResource;
import dev.tenantry.identity.TokenResponse;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The authorization code grant (RFC 6749 §4.1.3, issue 11) with PKCE (RFC 7636): a code is redeemed once, by the
 * client it was issued to, with the redirect URI it was issued for and the verifier of its challenge. A code that
 * comes back after its redemption revokes the refresh tokens that redemption started (RFC 6749 §4.1.2). A code issued
 * without PKCE can only be redeemed by a confidential client proving itself with its secret.
 */
final class AuthorizationCodeGrant implements Grant {

    private final RefreshTokenRepository stored;
    private final UserService users;
    private final ClientAuthentication clients;
    private final RefreshTokenIssuer refreshTokens;
    private final UserTokens userTokens;
    private final Clock clock;
    private final Resources resources;

    AuthorizationCodeGrant(
            RefreshTokenRepository stored,
            UserService users,
            ClientAuthentication clients,
            RefreshTokenIssuer refreshTokens,
            UserTokens userTokens,
            Clock clock,
            Resources resources) {
        this.resources = resources;
        this.stored = stored;
        this.users = users;
        this.clients = clients;
        this.refreshTokens = refreshTokens;
        this.userTokens = userTokens;
        this.clock = clock;
    }

    @Override
    public Set<String> grantTypes() {
        return Set.of("authorization_code");
    }

    @Override
    public TokenResponse issue(TokenRequest request, String baseUrl) {
        TokenRequest.Parameters parameters = request.parameters();
        String presented = RequiredParameter.of(parameters.code(), "code");
        UUID clientId = ClientAuthentication.clientId(request.client());
        Instant now = clock.instant();
        AuthorizationCode code = stored.findCode(Secrets.sha256Hex(presented))
                .orElseThrow(() -> refused(
                        IdentityError.AUTHORIZATION_CODE_INVALID,
                        "The provided authorization code is invalid or malformed. Ask for a new one."));
        if (!code.clientId().equals(clientId)) {
            throw refused(
                    IdentityError.AUTHORIZATION_CODE_INVALID,
                    "The authorization code was issued to a different client.");
        }
        if (code.usedAt() != null) {
            stored.revokeFamily(code.familyId());
            throw refused(
                    IdentityError.AUTHORIZATION_CODE_REDEEMED,
                    "The authorization code was already redeemed; the tokens it issued are revoked.");
        }
        if (!code.expiresAt().isAfter(now)) {
            throw refused(
                    IdentityError.AUTHORIZATION_CODE_EXPIRED,
                    "The provided authorization code is expired (codes live 10 minutes). Ask for a new one.");
        }
        String redirectUri = RequiredParameter.of(parameters.redirectUri(), "redirect_uri");
        if (!redirectUri.equals(code.redirectUri())) {
            throw refused(
                    IdentityError.AUTHORIZATION_CODE_INVALID,
                    "The redirect_uri is not the one the authorization code was issued for.");
        }
        if (code.codeChallenge() != null) {
            String verifier = RequiredParameter.of(parameters.codeVerifier(), "code_verifier");
            if (!Secrets.constantTimeEquals(Hashes.s256(verifier), code.codeChallenge())) {
                throw refused(
                        IdentityError.PKCE_MISMATCH,
                        "The code_verifier does not match the code_challenge supplied in the authorization request.");
            }
            if (request.client().secret() != null) {
                clients.publicOrConfidential(
                        code.tenantId(), clientId, request.client().secret());
            }
        } else {
            // without PKCE only a confidential client, proven by its secret, may redeem the code
            clients.confidential(code.tenantId(), clientId, request.client().secret());
        }
        if (!stored.spendCode(code.codeHash(), now)) {
            stored.revokeFamily(code.familyId());
            throw refused(
                    IdentityError.AUTHORIZATION_CODE_REDEEMED,
                    "The authorization code was already redeemed; the tokens it issued are revoked.");
        }
        User user =
                users.getUser(Caller.system(), code.tenantId(), code.userId().toString());
        if (!user.accountEnabled()) {
            throw new AuthenticationException(
                    DirectoryError.ACCOUNT_DISABLED, "The account is disabled; ask an administrator.");
        }
        RequestedScopes scopes = RequestedScopes.parse(code.scope());
        // a registered API's token names it as its audience and takes its version (issue 11)
        DelegatedAccess access = resources.resolve(scopes, code.tenantId()) instanceof TokenResource.AppApi api
                ? new DelegatedAccess(user, clientId, scopes, code.scp(), api)
                : new DelegatedAccess(user, clientId, scopes, code.scp());
        String refresh = scopes.offlineAccess() ? refreshTokens.mint(access, code.familyId(), code.sid()) : null;
        return userTokens.issue(access, refresh, request.clientInfo(), baseUrl, code.nonce(), code.sid());
    }

    private static AuthenticationException refused(IdentityError code, String message) {
        return new AuthenticationException(code, message);
    }
}
