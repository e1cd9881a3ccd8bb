package dev.tenantry.identity.grants;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.tenantry.directory.User;
import dev.tenantry.identity.LoginHint;
import dev.tenantry.identity.TokenResource;
import dev.tenantry.identity.TokenSigner;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Secrets;
import dev.tenantry.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds the claims of access and ID tokens in the shape of Entra's v2.0 tokens (compat §3.4). */
final class TokenClaims {

    static final Duration LIFETIME = TokenSigner.TOKEN_LIFETIME;

    /** The {@code expires_in} of a token response: a second under the lifetime, so a client refreshes in time. */
    static final long EXPIRES_IN = expiresIn(LIFETIME);

    private TokenClaims() {}

    static String issuer(String baseUrl, TenantId tenantId) {
        return baseUrl + "/" + tenantId + "/v2.0";
    }

    static JWTClaimsSet userAccessToken(
            String issuer, String audience, String scp, User user, List<UUID> wids, UUID clientId, Instant now) {
        return common(issuer, audience, user.tenantId(), user.id().value(), now)
                .subject(pairwiseSubject(user.id().value(), clientId))
                .claim("azp", clientId.toString())
                .claim("appid", clientId.toString())
                .claim("scp", scp)
                .claim("wids", wids.stream().map(UUID::toString).toList())
                .claim("name", user.displayName())
                .claim("preferred_username", user.userPrincipalName())
                .claim("upn", user.userPrincipalName())
                .build();
    }

    static JWTClaimsSet appAccessToken(String issuer, String audience, Caller.App app, boolean withRoles, Instant now) {
        JWTClaimsSet.Builder claims = common(issuer, audience, app.tenantId(), app.servicePrincipalId(), now)
                .subject(app.servicePrincipalId().toString())
                .claim("azp", app.appId().toString())
                .claim("appid", app.appId().toString())
                .claim("idtyp", "app");
        if (withRoles && !app.roles().isEmpty()) {
            claims.claim("roles", app.roles().stream().sorted().toList());
        }
        return claims.build();
    }

    /** The ID token of {@code user} for {@code clientId}, with {@code extraClaims} (such as its group claims). */
    static JWTClaimsSet idToken(String issuer, User user, UUID clientId, Map<String, Object> extraClaims, Instant now) {
        JWTClaimsSet.Builder claims = common(
                        issuer, clientId.toString(), user.tenantId(), user.id().value(), now)
                .subject(pairwiseSubject(user.id().value(), clientId))
                .claim("name", user.displayName())
                .claim("preferred_username", user.userPrincipalName())
                // issue 11: what an application sends back as logout_hint to sign this account out
                .claim("login_hint", new LoginHint(user.id().value(), user.tenantId()).value());
        extraClaims.forEach(claims::claim);
        return claims.build();
    }

    /**
     * {@code claims} as Entra issues them to a guest (issue 10): {@code idp} names the home directory's issuer, and the
     * user name is the home account's; unchanged for a member ({@code home} is {@code user}).
     */
    static JWTClaimsSet guestClaims(JWTClaimsSet claims, User user, User home) {
        if (home.id().equals(user.id())) {
            return claims;
        }
        JWTClaimsSet.Builder guest = new JWTClaimsSet.Builder(claims)
                .claim("idp", homeIssuer(home.tenantId()))
                .claim("preferred_username", home.userPrincipalName());
        if (claims.getClaim("upn") != null) {
            guest.claim("upn", null).claim("unique_name", home.userPrincipalName());
        }
        return guest.build();
    }

    /**
     * {@code claims} reshaped for a registered API (issue 11), as Entra shapes a token by the API's
     * {@code requestedAccessTokenVersion}: a v2.0 token ({@code aud} the app id, the v2.0 issuer, {@code azp}) or a
     * v1.0 token ({@code aud} the identifier URI asked for, {@code ver} 1.0, {@code appid} and no {@code azp}). Entra's
     * v1.0 issuer is {@code https://sts.windows.net/{tid}/}; this server issues its v1.0 form on its own host,
     * {@code https://HOST/{tid}/} ({@link #v1Issuer}), the form {@code AccessTokenVerifier} already accepts, so that a
     * resource server trusting this server's host accepts both versions.
     */
    static JWTClaimsSet forApi(JWTClaimsSet claims, TokenResource.AppApi api, String baseUrl) {
        TenantId tenantId = api.tenantId();
        JWTClaimsSet.Builder shaped = new JWTClaimsSet.Builder(claims).audience(api.audience());
        if (api.v2()) {
            return shaped.issuer(issuer(baseUrl, tenantId))
                    .claim("ver", "2.0")
                    .claim("appid", null)
                    .build();
        }
        return shaped.issuer(v1Issuer(baseUrl, tenantId))
                .claim("ver", "1.0")
                .claim("azp", null)
                .build();
    }

    /**
     * {@code claims} expiring {@code lifetime} after they were issued (issue 11): the lifetime a token lifetime policy
     * sets ({@code directory/apps/TokenLifetimes}) in place of {@link #LIFETIME}.
     */
    static JWTClaimsSet withLifetime(JWTClaimsSet claims, Duration lifetime) {
        return new JWTClaimsSet.Builder(claims)
                .expirationTime(Date.from(claims.getIssueTime().toInstant().plus(lifetime)))
                .build();
    }

    /** The {@code expires_in} of a token of {@code lifetime}: a second under it, as {@link #EXPIRES_IN}. */
    static long expiresIn(Duration lifetime) {
        return lifetime.toSeconds() - 1;
    }

    /** This server's v1.0 issuer of a directory: Entra's {@code https://sts.windows.net/{tid}/} shape, on its host. */
    static String v1Issuer(String baseUrl, TenantId tenantId) {
        return baseUrl + "/" + tenantId + "/";
    }

    /** The v1 issuer of a directory, which Entra puts in a guest's {@code idp} claim. */
    static String homeIssuer(TenantId tenantId) {
        return "https://sts.windows.net/" + tenantId + "/";
    }

    private static JWTClaimsSet.Builder common(
            String issuer, String audience, TenantId tenantId, UUID objectId, Instant now) {
        // a random uti and jti make every token unique, even two issued in the same second (compat §3.4)
        return new JWTClaimsSet.Builder()
                .audience(audience)
                .issuer(issuer)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("tid", tenantId.toString())
                .claim("oid", objectId.toString())
                .claim("ver", "2.0")
                .claim("uti", Secrets.random(16))
                .jwtID(UUID.randomUUID().toString());
    }

    /** Entra's {@code sub} differs per application, so apps cannot correlate users by it. */
    private static String pairwiseSubject(UUID objectId, UUID clientId) {
        return Secrets.sha256Hex(objectId + "|" + clientId).substring(0, 43);
    }
}
