package dev.tenantry.subscriptions;

import dev.tenantry.shared.ErrorCode;

/** The stable error codes of managed identities and the compute hosts they belong to (issue 11). */
public enum ManagedIdentityError implements ErrorCode {
    INVALID_IDENTITY_NAME(Kind.INVALID_REQUEST),
    INVALID_HOST_NAME(Kind.INVALID_REQUEST),
    /** An {@code identity} block ARM would refuse: an unknown type, or user-assigned ids that do not match it. */
    INVALID_IDENTITY(Kind.INVALID_REQUEST),
    /** A user-assigned identity a host names that does not exist (ARM's FailedIdentityOperation). */
    USER_ASSIGNED_IDENTITY_NOT_FOUND(Kind.INVALID_REQUEST),
    IDENTITY_NOT_FOUND(Kind.NOT_FOUND),
    HOST_NOT_FOUND(Kind.NOT_FOUND),
    /** A name taken in the resource group by an identity of the same kind (two PUTs racing). */
    IDENTITY_EXISTS(Kind.CONFLICT);

    private final Kind kind;

    ManagedIdentityError(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
