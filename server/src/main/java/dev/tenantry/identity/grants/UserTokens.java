package dev.tenantry.identity.grants;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.tenantry.directory.DirectoryRoleTemplate;
import dev.tenantry.directory.GuestAccounts;
import dev.tenantry.directory.GuestError;
import dev.tenantry.directory.User;
import dev.tenantry.directory.UserType;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.directory.roles.DirectoryRoleService;
import dev.tenantry.identity.Hashes;
import dev.tenantry.identity.RegisteredApis;
import dev.tenantry.identity.TokenResource;
import dev.tenantry.identity.TokenResponse;
import dev.tenantry.identity.TokenSigner;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.Caller;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
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
 *
 * <p>Lifetimes follow Entra's configurable token lifetimes (issue 11): an access token for a registered API lasts as
 * the API's token lifetime policy says, an ID token as its client's; Graph and ARM tokens keep the built-in hour.
 */
final class UserTokens {

    private final DirectoryRoleService directoryRoles;
    private final ApplicationService applications;
    private final GroupClaims groupClaims;
    private final TokenSigner signer;
    private final Clock clock;
    private final GuestAccounts guests;
    private final RegisteredApis lifetimes;

    UserTokens(
            DirectoryRoleService directoryRoles,
            ApplicationService applications,
            GroupClaims groupClaims,
            TokenSigner signer,
            Clock clock,
            GuestAccounts guests,
            RegisteredApis lifetimes) {
        this.directoryRoles = directoryRoles;
        this.applications = applications;
        this.groupClaims = groupClaims;
        this.signer = signer;
        this.clock = clock;
        this.guests = guests;
        this.lifetimes = lifetimes;
    }

    /** The response for {@code access}; {@code refreshToken} may be null, {@code baseUrl} is the issuer's host. */
    TokenResponse issue(DelegatedAccess access, String refreshToken, boolean clientInfo, String baseUrl) {
        return issue(access, refreshToken, clientInfo, baseUrl, null, null);
    }

    /**
     * The response for {@code access} redeemed from an authorization code or a refresh token (issue 11): the ID token
     * carries the request's {@code nonce} and the access token's {@code at_hash} (OpenID Connect Core §3.1.3.6) when
     * {@code nonce} is not null, and {@code sid} (the browser session's that began the sign-in) when not null.
     */
    TokenResponse issue(
            DelegatedAccess access, String refreshToken, boolean clientInfo, String baseUrl, String nonce, String sid) {
        User user = access.user();
        // issue 11: an app that requires assignment refuses an unassigned user every token, not only ID tokens
        List<String> roles = applications.appRoles().signInRoles(user.tenantId(), user.id(), access.clientId());
        Instant now = clock.instant();
        String issuer = TokenClaims.issuer(baseUrl, user.tenantId());
        User home = home(user);
        List<UUID> wids = directoryRoles.rolesOf(Caller.system(), user.tenantId(), user.id()).stream()
                .map(DirectoryRoleTemplate::templateId)
                .sorted()
                .toList();
        JWTClaimsSet claims = TokenClaims.guestClaims(
                TokenClaims.userAccessToken(
                        issuer, access.scopes().resource(), access.scp(), user, wids, access.clientId(), now),
                user,
                home);
        // a registered API's token lasts as its token lifetime policy says; Graph's and ARM's keep theirs (issue 11)
        Duration lifetime = TokenClaims.LIFETIME;
        if (access.resource() instanceof TokenResource.AppApi api) {
            lifetime = lifetimes.lifetime(user.tenantId(), api);
            claims = TokenClaims.withLifetime(TokenClaims.forApi(claims, api, baseUrl), lifetime);
        }
        String accessToken = signer.sign(claims);
        Map<String, Object> extra = roles(roles);
        if (nonce != null) {
            extra.put("nonce", nonce);
            extra.put("at_hash", Hashes.leftHalf(accessToken));
        }
        putSid(extra, sid);
        String idToken =
                access.scopes().openid() ? idToken(issuer, user, home, access.clientId(), baseUrl, now, extra) : null;
        return new TokenResponse(
                accessToken,
                TokenClaims.expiresIn(lifetime),
                access.scopes().raw(),
                refreshToken,
                idToken,
                clientInfo ? clientInfo(home) : null);
    }

    /** Entra's v2.0 {@code sid}: the browser session's GUID, for front-channel logout (issue 11). */
    private static void putSid(Map<String, Object> extra, String sid) {
        if (sid != null) {
            extra.put("sid", sid);
        }
    }

    /**
     * The account the person signed in with: the user itself for a member, the home user for a guest object (issue
     * 10). A guest whose invitation is not accepted, or whose home user is gone, gets no token.
     */
    private User home(User user) {
        if (user.userType() != UserType.GUEST) {
            return user;
        }
        return guests.homeUserOf(user)
                .orElseThrow(() -> new AuthenticationException(
                        GuestError.GUEST_NOT_ACCEPTED,
                        "The guest account '" + user.userPrincipalName() + "' cannot sign in: its invitation is not "
                                + "accepted or its home account no longer exists."));
    }

    /** The hybrid flow's ID token of {@code user} for {@code clientId}: {@code nonce} and the code's {@code c_hash}. */
    String hybridIdToken(User user, UUID clientId, String nonce, String code, String baseUrl, String sid) {
        Map<String, Object> extra = roles(applications.appRoles().signInRoles(user.tenantId(), user.id(), clientId));
        extra.put("nonce", nonce);
        extra.put("c_hash", Hashes.leftHalf(code));
        putSid(extra, sid);
        return idToken(
                TokenClaims.issuer(baseUrl, user.tenantId()),
                user,
                home(user),
                clientId,
                baseUrl,
                clock.instant(),
                extra);
    }

    private String idToken(
            String issuer,
            User user,
            User home,
            UUID clientId,
            String baseUrl,
            Instant now,
            Map<String, Object> extra) {
        Map<String, Object> groups =
                new LinkedHashMap<>(groupClaims.of(user, applications.groupClaimsOf(clientId), baseUrl));
        groups.putAll(extra);
        // an ID token lasts as its client's token lifetime policy says (Entra: the policy of the app it is for)
        return signer.sign(TokenClaims.withLifetime(
                TokenClaims.guestClaims(TokenClaims.idToken(issuer, user, clientId, groups, now), user, home),
                lifetimes.lifetimeOf(user.tenantId(), clientId)));
    }

    /** The ID token's {@code roles} claim (issue 11): the user's app roles on the client, none when it has none. */
    private static Map<String, Object> roles(List<String> roles) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (!roles.isEmpty()) {
            claims.put("roles", roles);
        }
        return claims;
    }

    /** MSAL's account key: the home account's object id and tenant (a guest's home, as Entra), base64url JSON. */
    private static String clientInfo(User user) {
        String json = "{\"uid\":\"" + user.id() + "\",\"utid\":\"" + user.tenantId() + "\"}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
