package dev.tenantry.identity.grants;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.directory.apps.FederatedCredentialService;
import dev.tenantry.directory.apps.FederatedIdentityCredential;
import dev.tenantry.identity.ClientAssertionError;
import dev.tenantry.identity.FederatedAssertionError;
import dev.tenantry.identity.IssuerKeys;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Client authentication by an external token (workload identity federation, issue 11): a JWT that an issuer trusted
 * by one of the application's federated identity credentials gave to the credential's subject, with the credential's
 * audience ({@code api://AzureADTokenExchange} by default), as GitHub Actions or Kubernetes hand them to workloads.
 * The credential is matched first (issuer, then subject, then audience, each refusal naming what did not match);
 * then {@code exp}/{@code nbf} with five minutes of skew; then the signature, RS256/RS384/RS512/PS256/ES256/ES384, by
 * a key of the issuer's {@code jwks_uri}. Unlike a certificate assertion, an external token may be exchanged again
 * until it expires, as Entra allows: azure-identity, MSAL and the Azure CLI present the same token for every scope and
 * every command ({@code az login --federated-token}), and a pod's projected token is read anew for each request.
 */
final class FederatedAssertions {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384);

    private final FederatedCredentialService credentials;
    private final IssuerKeys issuerKeys;
    private final Clock clock;

    FederatedAssertions(FederatedCredentialService credentials, IssuerKeys issuerKeys, Clock clock) {
        this.credentials = credentials;
        this.issuerKeys = issuerKeys;
        this.clock = clock;
    }

    /** Checks that {@code jwt} proves the application {@code clientId} of {@code tenantId}; refuses otherwise. */
    void authenticate(TenantId tenantId, UUID clientId, SignedJWT jwt, JWTClaimsSet claims) {
        FederatedIdentityCredential credential = matching(tenantId, clientId, claims);
        Instant now = clock.instant();
        ClientAssertions.requireTimely(claims, now, "Ask the issuer for a new token.");
        if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
            throw signature("The assertion is signed with " + jwt.getHeader().getAlgorithm() + "; external tokens must "
                    + "be signed with RS256, RS384, RS512, PS256, ES256 or ES384.");
        }
        // Only the issuer of a credential the application's owners registered is ever fetched, never a URL the
        // request chose: the credential matched above before any outbound request.
        verifySignature(jwt, credential.issuer());
    }

    private FederatedIdentityCredential matching(TenantId tenantId, UUID clientId, JWTClaimsSet claims) {
        String issuer = claims.getIssuer();
        String subject = claims.getSubject();
        List<String> audiences = claims.getAudience() == null ? List.of() : claims.getAudience();
        String shown = "Assertion Issuer: '" + issuer + "'. Assertion Subject: '" + subject + "'. Assertion Audience: '"
                + String.join(",", audiences) + "'.";
        List<FederatedIdentityCredential> all = credentials.credentialsOf(tenantId, clientId);
        if (all.isEmpty()) {
            throw new AuthenticationException(
                    FederatedAssertionError.NO_MATCHING_FEDERATED_CREDENTIAL,
                    "No matching federated identity record found for presented assertion. " + shown
                            + " The application '" + clientId + "' has no federated identity credentials; add one"
                            + " (Graph POST /applications/{id}/federatedIdentityCredentials).");
        }
        List<FederatedIdentityCredential> byIssuer =
                all.stream().filter(c -> c.issuer().equals(issuer)).toList();
        if (byIssuer.isEmpty()) {
            throw new AuthenticationException(
                    FederatedAssertionError.FEDERATED_ISSUER_MISMATCH,
                    "No matching federated identity record found for presented assertion issuer '" + issuer
                            + "'. Please check your federated identity credential Issuer. " + shown);
        }
        List<FederatedIdentityCredential> bySubject =
                byIssuer.stream().filter(c -> c.subject().equals(subject)).toList();
        if (bySubject.isEmpty()) {
            throw new AuthenticationException(
                    FederatedAssertionError.FEDERATED_SUBJECT_MISMATCH,
                    "No matching federated identity record found for presented assertion subject '" + subject
                            + "'. Please check your federated identity credential Subject, Audience and Issuer "
                            + "against the presented assertion. " + shown);
        }
        Optional<FederatedIdentityCredential> match = bySubject.stream()
                .filter(c -> c.audiences().stream().anyMatch(audiences::contains))
                .findFirst();
        return match.orElseThrow(() -> new AuthenticationException(
                FederatedAssertionError.FEDERATED_AUDIENCE_MISMATCH,
                "No matching federated identity record found for presented assertion audience '"
                        + String.join(",", audiences) + "'. Please check your federated identity credential "
                        + "Audience (usually api://AzureADTokenExchange). " + shown));
    }

    private void verifySignature(SignedJWT jwt, String issuer) {
        Optional<JWK> key = key(jwt, keys(issuer, false));
        if (key.isEmpty()) {
            key = key(jwt, keys(issuer, true)); // the issuer may have rotated its keys
        }
        if (key.isEmpty()) {
            throw signature("The issuer '" + issuer + "' publishes no key "
                    + (jwt.getHeader().getKeyID() == null
                            ? ""
                            : "'" + jwt.getHeader().getKeyID() + "' ")
                    + "that can verify the assertion's " + jwt.getHeader().getAlgorithm() + " signature.");
        }
        try {
            if (!jwt.verify(verifier(key.get()))) {
                throw signature("The assertion failed signature validation against the key '"
                        + key.get().getKeyID() + "' of issuer '" + issuer + "'.");
            }
        } catch (JOSEException e) {
            throw signature("The assertion's signature could not be checked with the key '"
                    + key.get().getKeyID() + "' of issuer '" + issuer + "'.");
        }
    }

    private JWKSet keys(String issuer, boolean refresh) {
        try {
            return issuerKeys.keys(issuer, refresh);
        } catch (IssuerKeys.Unavailable e) {
            throw new InvalidRequestException(
                    FederatedAssertionError.FEDERATED_ISSUER_UNREACHABLE,
                    "Request to External OIDC endpoint failed. " + e.getMessage());
        }
    }

    /** The key named by the header's {@code kid}, or the only one of the algorithm's type when there is no kid. */
    private static Optional<JWK> key(SignedJWT jwt, JWKSet keys) {
        String kid = jwt.getHeader().getKeyID();
        boolean rsa = JWSAlgorithm.Family.RSA.contains(jwt.getHeader().getAlgorithm());
        List<JWK> candidates = keys.getKeys().stream()
                .filter(k -> rsa ? k instanceof RSAKey : k instanceof ECKey)
                .filter(k -> k.getKeyUse() == null || KeyUse.SIGNATURE.equals(k.getKeyUse()))
                .filter(k -> kid == null || kid.equals(k.getKeyID()))
                .toList();
        return candidates.size() == 1 || (kid != null && !candidates.isEmpty())
                ? Optional.of(candidates.getFirst())
                : Optional.empty();
    }

    private static JWSVerifier verifier(JWK key) throws JOSEException {
        return key instanceof RSAKey rsa ? new RSASSAVerifier(rsa) : new ECDSAVerifier((ECKey) key);
    }

    private static AuthenticationException signature(String message) {
        return new AuthenticationException(ClientAssertionError.CLIENT_ASSERTION_SIGNATURE, message);
    }
}
