package dev.tenantry.identity;

import dev.tenantry.shared.ErrorCode;

/** The stable error codes of the device authorization grant (RFC 8628 §3.5, issue 11), as Entra answers them. */
public enum DeviceCodeError implements ErrorCode {
    /** The user has not yet approved or declined: keep polling. */
    AUTHORIZATION_PENDING(Kind.INVALID_REQUEST),
    /** The device polls faster than the interval. */
    SLOW_DOWN(Kind.INVALID_REQUEST),
    /** The user declined. */
    AUTHORIZATION_DECLINED(Kind.INVALID_REQUEST),
    /** The device code expired before it was approved. */
    EXPIRED_TOKEN(Kind.INVALID_REQUEST),
    /** The device code is unknown, of another client, or already redeemed. */
    BAD_VERIFICATION_CODE(Kind.INVALID_REQUEST),
    /** The user code entered on the verification page matches no pending sign-in. */
    INVALID_USER_CODE(Kind.INVALID_REQUEST),
    /** Too many wrong user codes entered: the verification page waits. */
    TOO_MANY_USER_CODES(Kind.RATE_LIMITED),
    /** The code was started for a directory the signed-in user is not a member of. */
    WRONG_DIRECTORY(Kind.ACCESS_DENIED);

    private final Kind kind;

    DeviceCodeError(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
