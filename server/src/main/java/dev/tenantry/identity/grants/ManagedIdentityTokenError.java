package dev.tenantry.identity.grants;

import dev.tenantry.shared.ErrorCode;

/** The stable error codes of the managed identity endpoint (issue 11). */
public enum ManagedIdentityTokenError implements ErrorCode {
    /** The host has no identity the request names (IMDS answers 400 "Identity not found"). */
    HOST_IDENTITY_NOT_FOUND(Kind.INVALID_REQUEST),
    /** The request names no identity, and the host has no system-assigned one and several user-assigned ones. */
    IDENTITY_NOT_SPECIFIED(Kind.INVALID_REQUEST);

    private final Kind kind;

    ManagedIdentityTokenError(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
