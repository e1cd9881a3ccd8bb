package dev.tenantry.access;

import dev.tenantry.shared.ErrorCode;

/** The stable error codes of role-based access to subscriptions. */
public enum AccessError implements ErrorCode {
    AUTHORIZATION_FAILED(Kind.ACCESS_DENIED),
    ROLE_ASSIGNMENT_EXISTS(Kind.CONFLICT),
    ROLE_ASSIGNMENT_NOT_FOUND(Kind.NOT_FOUND),
    SUBSCRIPTION_NOT_FOUND(Kind.NOT_FOUND),
    LAST_OWNER(Kind.RULE_VIOLATION),
    PRINCIPAL_NOT_FOUND(Kind.RULE_VIOLATION),
    INVALID_TIME_WINDOW(Kind.INVALID_REQUEST);

    private final Kind kind;

    AccessError(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
