package dev.tenantry.directory;

import dev.tenantry.shared.ErrorCode;

/** The stable error codes of B2B guests: inviting, redeeming and signing in as a guest (issue 10, R2, R14). */
public enum GuestError implements ErrorCode {
    INVALID_EMAIL_ADDRESS(Kind.INVALID_REQUEST),
    INVALID_REDIRECT_URL(Kind.INVALID_REQUEST),
    UNSUPPORTED_INVITED_USER_TYPE(Kind.INVALID_REQUEST),
    RESET_REDEMPTION_UNSUPPORTED(Kind.INVALID_REQUEST),
    ALREADY_A_MEMBER(Kind.CONFLICT),
    ALREADY_INVITED(Kind.CONFLICT),
    INVITATION_NOT_FOUND(Kind.NOT_FOUND),
    INVALID_REDEEM_TICKET(Kind.NOT_FOUND),
    ALREADY_REDEEMED(Kind.RULE_VIOLATION),
    WRONG_ACCOUNT(Kind.ACCESS_DENIED),
    GUEST_NOT_ACCEPTED(Kind.AUTHENTICATION);

    private final Kind kind;

    GuestError(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
