package dev.tenantry.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * A token request as the token endpoint received it (RFC 6749 §4, §6): the tenant path segment, the grant type, the
 * client's authentication, the scope and the grant's own parameters; any value may be null. Its {@code toString}
 * prints no secret, password, token or user name.
 *
 * @param tenant the path segment: a tenant id, a domain, {@code common} or {@code organizations}
 * @param clientInfo whether the client asked for {@code client_info} ({@code client_info=1}, an MSAL extension)
 */
public record TokenRequest(
        String tenant, String grantType, Client client, String scope, boolean clientInfo, Parameters parameters) {

    public TokenRequest {
        client = client == null ? new Client(null, null) : client;
        parameters = parameters == null ? Parameters.NONE : parameters;
    }

    /**
     * How the client identified itself (RFC 6749 §2.3.1): from the form or the {@code Authorization: Basic} header; a
     * public client sends no secret.
     */
    public record Client(String id, String secret, String assertionType, String assertion) {

        /** A client that authenticates with its secret, or not at all. */
        public Client(String id, String secret) {
            this(id, secret, null, null);
        }

        /** Whether the client sent a {@code client_assertion} (RFC 7523 §2.2) to prove itself (issue 11). */
        public boolean hasAssertion() {
            return assertion != null || assertionType != null;
        }

        @Override
        public String toString() {
            return "Client[id=" + id + (secret == null ? "" : ", secret=***")
                    + (assertion == null ? "" : ", assertion=***") + "]";
        }
    }

    /**
     * The grant-specific parameters: the resource owner's credentials (RFC 6749 §4.3.2) and the refresh token (§6). A
     * grant that needs another form field adds it here and in the form reader of the token endpoint.
     */
    public record Parameters(
            String username,
            String password,
            String refreshToken,
            String code,
            String redirectUri,
            String codeVerifier,
            String deviceCode,
            String assertion,
            String requestedTokenUse) {

        /** No grant-specific parameters, as the client credentials grant sends. */
        public static final Parameters NONE = new Parameters(null, null, null, null, null, null, null, null, null);

        /**
         * The on-behalf-of grant's user assertion (the access token the middle tier received) and
         * {@code requested_token_use} (issue 11).
         */
        public static Parameters onBehalfOf(String assertion, String requestedTokenUse) {
            return new Parameters(null, null, null, null, null, null, null, assertion, requestedTokenUse);
        }

        /** The authorization code, redirect URI and PKCE verifier of the authorization code grant (issue 11). */
        public static Parameters authorizationCode(String code, String redirectUri, String codeVerifier) {
            return new Parameters(null, null, null, code, redirectUri, codeVerifier, null, null, null);
        }

        /** The device code the device polls with (RFC 8628 §3.4, issue 11). */
        public static Parameters deviceCode(String deviceCode) {
            return new Parameters(null, null, null, null, null, null, deviceCode, null, null);
        }

        /** The resource owner password credentials of the password grant. */
        public static Parameters password(String username, String password) {
            return new Parameters(username, password, null, null, null, null, null, null, null);
        }

        /** The refresh token of the refresh token grant. */
        public static Parameters refreshToken(String refreshToken) {
            return new Parameters(null, null, refreshToken, null, null, null, null, null, null);
        }

        /** Names which parameters were sent, never their values (user names are personal data). */
        @Override
        public String toString() {
            List<String> sent = new ArrayList<>();
            if (username != null) {
                sent.add("username");
            }
            if (password != null) {
                sent.add("password");
            }
            if (refreshToken != null) {
                sent.add("refresh_token");
            }
            if (code != null) {
                sent.add("code");
            }
            if (redirectUri != null) {
                sent.add("redirect_uri");
            }
            if (codeVerifier != null) {
                sent.add("code_verifier");
            }
            if (deviceCode != null) {
                sent.add("device_code");
            }
            if (assertion != null) {
                sent.add("assertion");
            }
            if (requestedTokenUse != null) {
                sent.add("requested_token_use");
            }
            return "Parameters" + sent;
        }
    }

    @Override
    public String toString() {
        return "TokenRequest[tenant=" + tenant + ", grantType=" + grantType + ", client=" + client + ", scope=" + scope
                + ", clientInfo=" + clientInfo + ", parameters=" + parameters + "]";
    }
}
