package dev.tenantry.identity.grants;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.directory.apps.ApplicationKeyService;
import dev.tenantry.directory.apps.ApplicationService;
import dev.tenantry.directory.apps.KeyCredential;
import dev.tenantry.identity.CertificateKeys;
import dev.tenantry.identity.ClientAssertionError;
import dev.tenantry.identity.ClientAssertionReplays;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.Secrets;
import dev.tenantry.shared.TenantId;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Client authentication by a certificate (RFC 7523 §2.2, Entra's certificate credentials, issue 11): a JWT the client
 * signs with the private key of a certificate registered on its application. The header's {@code x5t} or
 * {@code x5t#S256} names the certificate; RS256 or PS256; {@code iss} = {@code sub} = client id; {@code aud} this
 * tenant's token endpoint (v2.0 or v1 form, by tenant id or the path's segment); {@code exp}/{@code nbf} with five
 * minutes of skew; and a {@code jti} used once, remembered in the database until the assertion expires.
 */
final class ClientAssertions {

    /** The only {@code client_assertion_type} (RFC 7523 §2.2). */
    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    static final Duration SKEW = Duration.ofMinutes(5);

    private final ApplicationService applications;
    private final ApplicationKeyService keys;
    private final ClientAssertionReplays replays;
    private final Clock clock;
    private final FederatedAssertions federated;

    ClientAssertions(
            ApplicationService applications, ApplicationKeyService keys, ClientAssertionReplays replays, Clock clock) {
        this(applications, keys, replays, clock, null);
    }

    /** Also accepting external tokens through federated identity credentials ({@code federated}; null: none). */
    ClientAssertions(
            ApplicationService applications,
            ApplicationKeyService keys,
            ClientAssertionReplays replays,
            Clock clock,
            FederatedAssertions federated) {
        this.applications = applications;
        this.keys = keys;
        this.replays = replays;
        this.clock = clock;
        this.federated = federated;
    }

    /**
     * The application {@code clientId} of {@code tenantId}, proven by {@code assertion}; {@code tenantSegment} is the
     * path's tenant and {@code baseUrl} the server's origin, which together make the audiences accepted.
     */
    Caller.App authenticate(
            TenantId tenantId,
            UUID clientId,
            String assertionType,
            String assertion,
            String tenantSegment,
            String baseUrl) {
        if (!JWT_BEARER.equals(assertionType)) {
            throw invalid("client_assertion_type must be '" + JWT_BEARER + "'"
                    + (assertionType == null ? "." : ", not '" + assertionType + "'."));
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion.strip());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalid("The client_assertion is not a signed JWT (JWS compact form).");
        }
        Caller.App app = applications.provenClient(tenantId, clientId);
        if (federated != null
                && claims.getIssuer() != null
                && !clientId.toString().equalsIgnoreCase(claims.getIssuer())) {
            // an assertion the client did not sign itself: an external token, as Entra tells them apart (issue 11)
            federated.authenticate(tenantId, clientId, jwt, claims);
            return app;
        }
        if (!clientId.toString().equalsIgnoreCase(claims.getIssuer())
                || !clientId.toString().equalsIgnoreCase(claims.getSubject())) {
            throw new AuthenticationException(
                    ClientAssertionError.CLIENT_ASSERTION_CLIENT_MISMATCH,
                    "Client assertion application identifier doesn't match 'client_id' parameter: its iss and sub "
                            + "must both be '" + clientId + "'.");
        }
        Set<String> accepted = audiences(tenantId, tenantSegment, baseUrl);
        List<String> audience = claims.getAudience() == null ? List.of() : claims.getAudience();
        if (audience.stream().noneMatch(aud -> accepted.contains(aud.toLowerCase(Locale.ROOT)))) {
            throw new AuthenticationException(
                    ClientAssertionError.CLIENT_ASSERTION_AUDIENCE,
                    "Client assertion audience claim does not match Realm issuer. Its aud must be the token "
                            + "endpoint: " + baseUrl + "/" + tenantId + "/oauth2/v2.0/token.");
        }
        Instant now = clock.instant();
        Date exp = requireTimely(claims, now, "Sign a new one for each request.");
        List<KeyCredential> certificates = keys.certificatesOf(tenantId, clientId);
        Optional<KeyCredential> key = CertificateKeys.named(jwt, certificates);
        if (key.isEmpty()) {
            throw signature("The certificate with identifier used to sign the client assertion is not registered on "
                    + "application. [Reason - The key was not found., Thumbprint of key used by client: '"
                    + CertificateKeys.thumbprintOf(jwt).orElse("none: the header has no x5t or x5t#S256")
                    + "', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured "
                    + "keys for app Id '" + clientId + "'.]");
        }
        if (!key.get().validAt(now)) {
            throw signature("The certificate '" + key.get().thumbprintSha1() + "' used to sign the client assertion "
                    + "is not valid now: it is valid from " + key.get().startDateTime() + " to "
                    + key.get().endDateTime() + ".");
        }
        if (!CertificateKeys.verifies(jwt, key.get())) {
            throw signature("Client assertion failed signature validation: it must be signed with RS256 or PS256 by"
                    + " the private key of the certificate '" + key.get().thumbprintSha1() + "'.");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank()) {
            throw invalid("The client_assertion has no jti: give every assertion a new unique jti.");
        }
        Instant keepUntil = exp.toInstant().plus(SKEW);
        if (!replays.firstUse(Secrets.sha256Hex(clientId + "|" + jti), keepUntil, now)) {
            throw new AuthenticationException(
                    ClientAssertionError.CLIENT_ASSERTION_REPLAYED,
                    "The client assertion with this jti was already used. Sign a new assertion, with a new jti, for "
                            + "every token request.");
        }
        return app;
    }

    /**
     * The assertion's {@code exp}, after checking that {@code now} is within its {@code nbf}/{@code exp} with five
     * minutes of skew; else {@code CLIENT_ASSERTION_EXPIRED}, its message ending with {@code fix}.
     */
    static Date requireTimely(JWTClaimsSet claims, Instant now, String fix) {
        Date exp = claims.getExpirationTime();
        Date nbf = claims.getNotBeforeTime();
        if (exp == null
                || !exp.toInstant().plus(SKEW).isAfter(now)
                || (nbf != null && nbf.toInstant().minus(SKEW).isAfter(now))) {
            throw new AuthenticationException(
                    ClientAssertionError.CLIENT_ASSERTION_EXPIRED,
                    "Client assertion is not within its valid time range (exp " + instant(exp) + ", nbf " + instant(nbf)
                            + ", now " + now + "). " + fix);
        }
        return exp;
    }

    private static Set<String> audiences(TenantId tenantId, String tenantSegment, String baseUrl) {
        String base = baseUrl.toLowerCase(Locale.ROOT);
        return Stream.of(tenantId.toString(), tenantSegment == null ? "" : tenantSegment.toLowerCase(Locale.ROOT))
                .filter(segment -> !segment.isEmpty())
                .flatMap(segment -> Stream.of(
                        base + "/" + segment + "/oauth2/v2.0/token",
                        base + "/" + segment + "/oauth2/token",
                        base + "/" + segment + "/v2.0"))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String instant(Date date) {
        return date == null ? "none" : date.toInstant().toString();
    }

    private static AuthenticationException signature(String message) {
        return new AuthenticationException(ClientAssertionError.CLIENT_ASSERTION_SIGNATURE, message);
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(ClientAssertionError.INVALID_CLIENT_ASSERTION, message);
    }
}
