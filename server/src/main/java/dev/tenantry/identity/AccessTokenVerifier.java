package dev.tenantry.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.Ids;
import dev.tenantry.shared.RequestError;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/** Checks access tokens this server issued: RS256 signature by kid, lifetime with five minutes of skew, audience. */
public final class AccessTokenVerifier {

    private static final Duration SKEW = Duration.ofMinutes(5);

    /**
     * How many tokens whose signature was checked are remembered (issue 13): a client calls Graph or ARM many times
     * with one token, and parsing plus an RSA verification were an eighth of a Graph page's CPU. Keyed by the whole
     * token, so a token differing in any byte is parsed and checked afresh; about 4 KB each.
     */
    static final int CHECKED_TOKENS = 1024;

    /** A token whose signature checked out: the key that signed it and its claims (immutable, so shared). */
    private record Checked(String kid, JWTClaimsSet claims) {}

    /**
     * A bounded map of checked tokens: at the bound, the tokens past their lifetime (plus skew) go; when none has
     * expired, the whole map is dropped and fills again, which costs one check per token in use.
     */
    private final class CheckedTokens {

        private final int bound;
        private final ConcurrentHashMap<String, Checked> tokens = new ConcurrentHashMap<>();

        CheckedTokens(int bound) {
            this.bound = bound;
        }

        int size() {
            return tokens.size();
        }

        Checked get(String token) {
            return tokens.get(token);
        }

        void put(String token, Checked checked) {
            if (tokens.size() >= bound) {
                Instant now = clock.instant();
                tokens.values().removeIf(known -> expired(known.claims(), now));
                if (tokens.size() >= bound) {
                    tokens.clear();
                }
            }
            tokens.put(token, checked);
        }
    }

    private static boolean expired(JWTClaimsSet claims, Instant now) {
        Date exp = claims.getExpirationTime();
        return exp == null || exp.toInstant().plus(SKEW).isBefore(now);
    }

    private final SigningKeys keys;
    private final Audiences audiences;
    private final Clock clock;
    private final BiFunction<TenantId, UserId, Optional<Caller.Account>> guestHomes;
    private final CheckedTokens checked = new CheckedTokens(CHECKED_TOKENS);

    public AccessTokenVerifier(SigningKeys keys, Audiences audiences, Clock clock) {
        this(keys, audiences, clock, (tenantId, userId) -> Optional.empty());
    }

    /**
     * A verifier that also accepts guests' tokens (issue 10): {@code guestHomes} names the home account of a guest
     * object that may act (empty for any other), so the caller carries it.
     */
    public AccessTokenVerifier(
            SigningKeys keys,
            Audiences audiences,
            Clock clock,
            BiFunction<TenantId, UserId, Optional<Caller.Account>> guestHomes) {
        this.keys = keys;
        this.audiences = audiences;
        this.clock = clock;
        this.guestHomes = guestHomes;
    }

    /**
     * The caller the token was issued to, if it is valid for {@code resource}: its {@code aud} must be one of the
     * resource's configured audiences, whatever host the request was sent to.
     */
    public Caller verify(String token, ProtectedResource resource) {
        JWTClaimsSet claims = signedClaims(token);
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (expired(claims, now)) {
            throw invalid("The access token expired at " + (exp == null ? "an unknown time" : exp.toInstant()) + ".");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().minus(SKEW).isAfter(now)) {
            throw invalid("The access token is not valid before " + nbf.toInstant() + ".");
        }
        List<String> aud = claims.getAudience();
        if (aud.size() != 1 || !audiences.accepts(aud.get(0), resource)) {
            throw invalid("The access token's audience '" + String.join(" ", aud)
                    + "' is not accepted here; accepted audiences: " + String.join(", ", audiences.of(resource))
                    + ".");
        }
        requireIssuerOfItsTenant(claims);
        return callerOf(claims, resource);
    }

    /**
     * The claims of {@code token} once its signature is checked: from {@link #checked} when this verifier has checked
     * the very same token (and its key is still published), else parsed and checked now. Lifetime, audience, issuer
     * and the caller are checked on every call, against the cached claims too.
     */
    private JWTClaimsSet signedClaims(String token) {
        Checked known = checked.get(token);
        if (known != null && keys.verifier(known.kid()).isPresent()) {
            return known.claims();
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) { // Nimbus throws unchecked exceptions on some odd headers
            throw invalid("The access token is not a well-formed JWT.");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw invalid("The access token must be signed with RS256.");
        }
        String kid = jwt.getHeader().getKeyID();
        JWSVerifier verifier =
                keys.verifier(kid).orElseThrow(() -> invalid("The access token was signed with an unknown key."));
        if (!verifies(jwt, verifier)) {
            throw invalid("The access token's signature is invalid.");
        }
        checked.put(token, new Checked(kid, claims));
        return claims;
    }

    /**
     * The issuer names the token's own directory, as Entra's do ({@code https://<host>/<tid>/v2.0}, or the v1 form
     * {@code https://<host>/<tid>/}): a token whose {@code iss} and {@code tid} disagree is refused. The host is the one
     * the client reached at issuance, so it is not compared.
     */
    private static void requireIssuerOfItsTenant(JWTClaimsSet claims) {
        String issuer = claims.getIssuer();
        Object tid = claims.getClaim("tid");
        java.net.URI uri;
        try {
            uri = issuer == null ? null : new java.net.URI(issuer);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        boolean matches = uri != null
                && "https".equals(uri.getScheme())
                && tid instanceof String tenant
                && (("/" + tenant + "/v2.0").equals(uri.getPath()) || ("/" + tenant + "/").equals(uri.getPath()));
        if (!matches) {
            throw invalid("The access token's issuer '" + issuer + "' is not the issuer of its directory (tid '" + tid
                    + "').");
        }
    }

    /** How many checked tokens this verifier remembers now. */
    int rememberedTokens() {
        return checked.size();
    }

    /** The caller of a Microsoft Graph token and its {@code sub} claim, for OpenID Connect's userinfo (issue 11). */
    public record Subject(Caller caller, String sub) {}

    /** Verifies a Microsoft Graph access token as {@link #verify} does and names its subject. */
    public Subject subject(String token) {
        Caller caller = verify(token, ProtectedResource.GRAPH);
        return new Subject(caller, signedClaims(token).getSubject());
    }

    private static boolean verifies(SignedJWT jwt, JWSVerifier verifier) {
        try {
            return jwt.verify(verifier);
        } catch (JOSEException e) {
            return false;
        }
    }

    private Caller callerOf(JWTClaimsSet claims, ProtectedResource resource) {
        try {
            TenantId tenantId = new TenantId(uuid(claims.getStringClaim("tid"), "tid"));
            UUID oid = uuid(claims.getStringClaim("oid"), "oid");
            if ("app".equals(claims.getStringClaim("idtyp"))) {
                List<String> roles = claims.getStringListClaim("roles");
                UUID appId = uuid(claims.getStringClaim("azp"), "azp");
                return new Caller.App(tenantId, oid, appId, roles == null ? Set.of() : new HashSet<>(roles));
            }
            String scp = claims.getStringClaim("scp");
            Set<String> scopes =
                    scp == null ? Set.of() : Set.copyOf(Arrays.asList(scp.trim().split("\\s+")));
            UserId userId = new UserId(oid);
            Caller.Account home = new Caller.Account(tenantId, userId);
            if (claims.getStringClaim("idp") != null) {
                // a guest's token: it acts here as the guest object for as long as that exists and is accepted
                home = guestHomes
                        .apply(tenantId, userId)
                        .filter(account -> !account.tenantId().equals(tenantId))
                        .orElseThrow(() -> invalid("The access token names a guest account that no longer exists."));
            }
            return new Caller.User(
                    tenantId,
                    userId,
                    home,
                    resource == ProtectedResource.GRAPH ? Optional.of(scopes) : Optional.empty());
        } catch (ParseException e) {
            throw invalid("The access token has a claim of the wrong type.");
        }
    }

    private static UUID uuid(String value, String claim) {
        return Ids.tryParse(value).orElseThrow(() -> invalid("The access token has no valid '" + claim + "' claim."));
    }

    private static AuthenticationException invalid(String message) {
        return new AuthenticationException(RequestError.INVALID_TOKEN, message);
    }
}
