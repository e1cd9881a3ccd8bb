package dev.tenantry.identity.grants;

import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.User;
import dev.tenantry.directory.roles.DirectoryRoleService;
import dev.tenantry.identity.TokenResponse;
import dev.tenantry.identity.TokenSigner;
import dev.tenantry.shared.Caller;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Signs what a grant hands a signed-in user's client: the access token with the user's directory roles
 * ({@code wids}), an ID token when {@code openid} was asked for, and MSAL's {@code client_info} when asked for.
 */
final class UserTokens {

    private final DirectoryRoleService directoryRoles;
    private final TokenSigner signer;
    private final Clock clock;

    UserTokens(DirectoryRoleService directoryRoles, TokenSigner signer, Clock clock) {
        this.directoryRoles = directoryRoles;
        this.signer = signer;
        this.clock = clock;
    }

    /** The response for {@code access}; {@code refreshToken} may be null, {@code baseUrl} is the issuer's host. */
    TokenResponse issue(DelegatedAccess access, String refreshToken, boolean clientInfo, String baseUrl) {
        User user = access.user();
        Instant now = clock.instant();
        String issuer = TokenClaims.issuer(baseUrl, user.tenantId());
        List<UUID> wids = directoryRoles.rolesOf(Caller.system(), user.tenantId(), user.id()).stream()
                .map(DirectoryRoleTemplate::templateId)
                .sorted()
                .toList();
        String accessToken = signer.sign(TokenClaims.userAccessToken(
                issuer, access.scopes().resource(), access.scp(), user, wids, access.clientId(), now));
        String idToken = access.scopes().openid()
                ? signer.sign(TokenClaims.idToken(issuer, user, access.clientId(), now))
                : null;
        return new TokenResponse(
                accessToken,
                TokenClaims.EXPIRES_IN,
                access.scopes().raw(),
                refreshToken,
                idToken,
                clientInfo ? clientInfo(user) : null);
    }

    /** MSAL's account key: the user's object id and home tenant, base64url JSON. */
    private static String clientInfo(User user) {
        String json = "{\"uid\":\"" + user.id() + "\",\"utid\":\"" + user.tenantId() + "\"}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
