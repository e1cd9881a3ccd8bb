package dev.tenantry.identity.grants;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.User;
import dev.tenantry.directory.users.UserService;
import dev.tenantry.identity.Grant;
import dev.tenantry.identity.IdentityError;
import dev.tenantry.identity.RefreshToken;
import dev.tenantry.identity.RefreshTokenRepository;
import dev.tenantry.identity.RequestedScopes;
import dev.tenantry.identity.RequiredParameter;
import dev.tenantry.identity.TokenRequest;
import dev.tenantry.identity.TokenResponse;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The refresh token grant (RFC 6749 §6): a refresh token is spent once and rotated within its family; a spent token
 * that comes back revokes the family (RFC 9700 §4.14.2).
 */
final class RefreshTokenGrant implements Grant {

    private final RefreshTokenRepository stored;
    private final UserService users;
    private final ClientAuthentication clients;
    private final Resources resources;
    private final RefreshTokenIssuer refreshTokens;
    private final UserTokens userTokens;
    private final Clock clock;

    RefreshTokenGrant(
            RefreshTokenRepository stored,
            UserService users,
            ClientAuthentication clients,
            Resources resources,
            RefreshTokenIssuer refreshTokens,
            UserTokens userTokens,
            Clock clock) {
        this.stored = stored;
        this.users = users;
        this.clients = clients;
        this.resources = resources;
        this.refreshTokens = refreshTokens;
        this.userTokens = userTokens;
        this.clock = clock;
    }

    @Override
    public Set<String> grantTypes() {
        return Set.of("refresh_token");
    }

    @Override
    public TokenResponse issue(TokenRequest request, String baseUrl) {
        String presented = RequiredParameter.of(request.parameters().refreshToken(), "refresh_token");
        UUID clientId = ClientAuthentication.clientId(request.client());
        Instant now = clock.instant();
        Found found = find(presented).orElseThrow(RefreshTokenGrant::invalid);
        RefreshToken token = found.family();
        if (token.revoked()) {
            throw refused(IdentityError.REFRESH_TOKEN_REVOKED, "The refresh token has been revoked; sign in again.");
        }
        if (!token.clientId().equals(clientId)) {
            throw refused(
                    IdentityError.REFRESH_TOKEN_CLIENT_MISMATCH, "The refresh token was issued to a different client.");
        }
        // a scope the client may not have is refused before the refresh token is spent
        String scope = request.scope() == null || request.scope().isBlank() ? token.scope() : request.scope();
        RequestedScopes scopes = RequestedScopes.parse(scope);
        Resources.Delegated scp = resources.delegated(scopes, token.tenantId(), token.userId(), clientId);
        if (!found.current()) {
            throw replayed(token);
        }
        if (!token.expiresAt().isAfter(now)) {
            throw refused(IdentityError.REFRESH_TOKEN_EXPIRED, "The refresh token has expired; sign in again.");
        }
        User user =
                users.getUser(Caller.system(), token.tenantId(), token.userId().toString());
        if (!user.accountEnabled()) {
            throw new AuthenticationException(
                    DirectoryError.ACCOUNT_DISABLED, "The account is disabled; ask an administrator.");
        }
        clients.publicOrConfidential(user.tenantId(), clientId, request, baseUrl);
        DelegatedAccess access = new DelegatedAccess(user, clientId, scopes, scp);
        // the family keeps the sid of the session its sign-in began in, so a refreshed ID token carries it (issue 11)
        RefreshTokenIssuer.Minted next = refreshTokens.next(access, token);
        TokenResponse response =
                userTokens.issue(access, next.text(), request.clientInfo(), baseUrl, null, token.sid());
        // every check passed and the tokens are signed: spend the presented token and store the next in one step, so
        // a refusal or a crash before here leaves the presented token usable, and nothing after it can lose the next
        if (!stored.rotate(token, next.stored())) {
            throw replayed(token);
        }
        return response;
    }

    /**
     * The family of the presented token, and whether the token is the family's current one (else it is an earlier,
     * spent one); empty when the text is no token of a stored family, or names a family and generation with a secret
     * that is not the one stored (a guess: it revokes nothing).
     */
    private Optional<Found> find(String presented) {
        Optional<RefreshTokenText> text = RefreshTokenText.parse(presented);
        if (text.isPresent()) {
            RefreshTokenText token = text.get();
            return stored.findFamily(token.familyId()).flatMap(family -> {
                if (token.generation() < family.generation()) {
                    return Optional.of(new Found(family, false));
                }
                boolean current = token.generation() == family.generation()
                        && Secrets.constantTimeEquals(token.secretHash(), family.tokenHash());
                return current ? Optional.of(new Found(family, true)) : Optional.empty();
            });
        }
        if (!RefreshTokenText.isLegacy(presented)) {
            return Optional.empty();
        }
        // a token handed out before V43: V43 kept the hash of every one with its family, so a stored hash proves it
        // genuine, and it is current only if its family never rotated since
        String hash = Secrets.sha256Hex(presented);
        return stored.findLegacyFamily(hash)
                .flatMap(stored::findFamily)
                .map(family -> new Found(
                        family, family.generation() == 0 && Secrets.constantTimeEquals(hash, family.tokenHash())));
    }

    private record Found(RefreshToken family, boolean current) {}

    /** A rotated token came back: someone else may hold it, so the whole session ends (RFC 9700 §4.14.2). */
    private AuthenticationException replayed(RefreshToken token) {
        stored.revokeFamily(token.familyId());
        return refused(
                IdentityError.REFRESH_TOKEN_REVOKED,
                "The refresh token was already used; every token of its session is revoked.");
    }

    private static AuthenticationException invalid() {
        return refused(IdentityError.REFRESH_TOKEN_INVALID, "The refresh token is invalid or malformed.");
    }

    private static AuthenticationException refused(IdentityError code, String message) {
        return new AuthenticationException(code, message);
    }
}
