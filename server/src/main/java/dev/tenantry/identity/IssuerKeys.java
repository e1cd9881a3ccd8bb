package dev.tenantry.identity;

import com.nimbusds.jose.jwk.JWKSet;

/**
 * The signing keys of an external token issuer (workload identity federation, issue 11): its OpenID discovery
 * document's {@code jwks_uri}. Only ever asked for an issuer an application registered as a federated identity
 * credential, never for one a token request names by itself.
 */
public interface IssuerKeys {

    /**
     * The issuer's keys; {@code refresh} skips what is cached (after a {@code kid} the cached keys do not have).
     *
     * @throws Unavailable when they cannot be fetched or are not a JWK set
     */
    JWKSet keys(String issuer, boolean refresh);

    /** The issuer's keys could not be had; the message says why, without secrets. */
    final class Unavailable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public Unavailable(String message) {
            super(message);
        }
    }
}
