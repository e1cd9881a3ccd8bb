package dev.tenantry.identity.grants;

import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.User;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.directory.roles.DirectoryRoleService;
import dev.tenantry.identity.TokenResponse;
import dev.tenantry.identity.TokenSigner;
import dev.tenantry.shared.Caller;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs what a grant hands a signed-in user's client: the access token with the user's directory roles
 * ({@code wids}), an ID token when {@code openid} was asked for, and MSAL's {@code client_info} when asked for.
 *
 * <p>Group claims follow Entra: an ID token carries them as the <em>client's</em> app registration asks
 * ({@code groupMembershipClaims}); an access token as its <em>resource's</em> registration asks. Every access token
 * here is for Microsoft Graph or Azure Resource Manager, first-party resources that ask for none, so access tokens
 * carry no {@code groups} claim, as Entra's Graph and ARM tokens do not.
 */
final class UserTokens {

    private final DirectoryRoleService directoryRoles;
    private final ApplicationService applications;
    private final GroupClaims groupClaims;
    private final TokenSigner signer;
    private final Clock clock;

    UserTokens(
            DirectoryRoleService directoryRoles,
            ApplicationService applications,
            GroupClaims groupClaims,
            TokenSigner signer,
            Clock clock) {
        this.directoryRoles = directoryRoles;
        this.applications = applications;
        this.groupClaims = groupClaims;
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
        String idToken = access.scopes().openid() ? idToken(issuer, user, access.clientId(), baseUrl, now) : null;
        return new TokenResponse(
                accessToken,
                TokenClaims.EXPIRES_IN,
                access.scopes().raw(),
                refreshToken,
                idToken,
                clientInfo ? clientInfo(user) : null);
    }

    private String idToken(String issuer, User user, UUID clientId, String baseUrl, Instant now) {
        Map<String, Object> groups = groupClaims.of(user, applications.groupClaimsOf(clientId), baseUrl);
        return signer.sign(TokenClaims.idToken(issuer, user, clientId, groups, now));
    }

    /** MSAL's account key: the user's object id and home tenant, base64url JSON. */
    private static String clientInfo(User user) {
        String json = "{\"uid\":\"" + user.id() + "\",\"utid\":\"" + user.tenantId() + "\"}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
