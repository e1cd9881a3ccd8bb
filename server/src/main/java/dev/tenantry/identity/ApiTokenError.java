package dev.tenantry.identity;

import dev.tenantry.shared.ErrorCode;

/** Refusals of tokens for registered APIs and of the on-behalf-of grant (issue 11), each with Entra's AADSTS. */
public enum ApiTokenError implements ErrorCode {
    /** AADSTS650053: the client asked for a scope the API does not offer (or has disabled). */
    SCOPE_NOT_ON_API(Kind.INVALID_REQUEST),
    /** AADSTS50027: the assertion is not a JWT. */
    ASSERTION_MALFORMED(Kind.INVALID_REQUEST),
    /** AADSTS50013: not signed by this server's keys, or issued by another directory. */
    ASSERTION_INVALID(Kind.AUTHENTICATION),
    /** AADSTS500133: the assertion has expired or is not valid yet. */
    ASSERTION_EXPIRED(Kind.AUTHENTICATION),
    /** AADSTS500131: the assertion is not for the calling client's API. */
    ASSERTION_AUDIENCE(Kind.AUTHENTICATION),
    /** An app-only token cannot stand for a user. */
    ASSERTION_APP_ONLY(Kind.AUTHENTICATION),
    /** AADSTS7000218: a public client cannot use the on-behalf-of flow; it has no credential. */
    CONFIDENTIAL_CLIENT_REQUIRED(Kind.AUTHENTICATION),
    /** {@code requested_token_use} other than {@code on_behalf_of}. */
    INVALID_REQUESTED_TOKEN_USE(Kind.INVALID_REQUEST);

    private final Kind kind;

    ApiTokenError(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
