package dev.tenantry.identity;

import dev.tenantry.shared.ErrorCode;

/**
 * The stable error codes of client assertions (RFC 7523 §3, Entra's certificate credentials, issue 11): each says
 * which check the assertion failed, as Entra's AADSTS numbers do.
 */
public enum ClientAssertionError implements ErrorCode {
    /** Not a signed JWT, a wrong {@code client_assertion_type}, no {@code jti}, or a secret sent as well. */
    INVALID_CLIENT_ASSERTION(Kind.INVALID_REQUEST),
    /** No registered certificate has the header's thumbprint, the certificate expired, or the signature is wrong. */
    CLIENT_ASSERTION_SIGNATURE(Kind.AUTHENTICATION),
    /** {@code iss} or {@code sub} is not the {@code client_id}. */
    CLIENT_ASSERTION_CLIENT_MISMATCH(Kind.AUTHENTICATION),
    /** {@code aud} is not this tenant's token endpoint. */
    CLIENT_ASSERTION_AUDIENCE(Kind.AUTHENTICATION),
    /** {@code exp} passed or {@code nbf} not reached (beyond the allowed skew). */
    CLIENT_ASSERTION_EXPIRED(Kind.AUTHENTICATION),
    /** The assertion's {@code jti} was used before. */
    CLIENT_ASSERTION_REPLAYED(Kind.AUTHENTICATION);

    private final Kind kind;

    ClientAssertionError(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
