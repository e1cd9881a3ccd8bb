package dev.tenantry.identity;

import dev.tenantry.shared.ErrorCode;

/** The stable error codes of sign-in and tokens. */
public enum IdentityError implements ErrorCode {
    ACCOUNT_LOCKED(Kind.AUTHENTICATION),
    REFRESH_TOKEN_REVOKED(Kind.AUTHENTICATION),
    REFRESH_TOKEN_INVALID(Kind.AUTHENTICATION),
    REFRESH_TOKEN_EXPIRED(Kind.AUTHENTICATION),
    REFRESH_TOKEN_CLIENT_MISMATCH(Kind.AUTHENTICATION),
    CONSENT_REQUIRED(Kind.AUTHENTICATION),
    /** Issue 11: the authorization code is unknown, of another client, or sent with another redirect URI. */
    AUTHORIZATION_CODE_INVALID(Kind.AUTHENTICATION),
    /** Issue 11: the authorization code was redeemed already; what it issued is revoked. */
    AUTHORIZATION_CODE_REDEEMED(Kind.AUTHENTICATION),
    AUTHORIZATION_CODE_EXPIRED(Kind.AUTHENTICATION),
    /** Issue 11: the code_verifier does not hash to the code_challenge (RFC 7636 §4.6). */
    PKCE_MISMATCH(Kind.AUTHENTICATION),
    /** Issue 11: a redirect URI the application did not register (shown as a page, never redirected to). */
    REDIRECT_URI_MISMATCH(Kind.INVALID_REQUEST),
    /** Issue 11: an authorization request that is wrong in a way the application can be told at its redirect URI. */
    INVALID_AUTHORIZE_REQUEST(Kind.INVALID_REQUEST),
    UNSUPPORTED_RESPONSE_TYPE(Kind.INVALID_REQUEST),
    INVALID_RESOURCE(Kind.INVALID_REQUEST),
    INVALID_SCOPE(Kind.INVALID_REQUEST),
    MISSING_PARAMETER(Kind.INVALID_REQUEST),
    TENANT_REQUIRED(Kind.INVALID_REQUEST),
    UNSUPPORTED_GRANT_TYPE(Kind.INVALID_REQUEST),
    CLIENT_THROTTLED(Kind.RATE_LIMITED),
    /** {@code tenantry keys retire}: no key has that kid. */
    SIGNING_KEY_NOT_FOUND(Kind.NOT_FOUND),
    /** {@code tenantry keys retire}: the key may still sign new tokens. */
    SIGNING_KEY_ACTIVE(Kind.RULE_VIOLATION),
    /** {@code tenantry keys retire}: tokens the key signed may not have expired yet. */
    SIGNING_KEY_RECENTLY_ROTATED(Kind.RULE_VIOLATION);

    private final Kind kind;

    IdentityError(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
