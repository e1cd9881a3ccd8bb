package dev.tenantry.arm;

import dev.tenantry.shared.ErrorCode;

/** Codes only Azure Resource Manager's surface raises. */
public enum ArmError implements ErrorCode {
    INVALID_ROLE_DEFINITION(Kind.INVALID_REQUEST),
    MISSING_API_VERSION(Kind.INVALID_REQUEST),
    INVALID_API_VERSION(Kind.INVALID_REQUEST),
    UNSUPPORTED_QUERY_PARAMETER(Kind.INVALID_REQUEST),
    UNSUPPORTED_FILTER_PARAMETER(Kind.INVALID_REQUEST),
    ROLE_DEFINITION_NOT_FOUND(Kind.NOT_FOUND),
    UNSUPPORTED_ROLE_ASSIGNMENT_FILTER(Kind.INVALID_REQUEST),
    INVALID_ACTIVITY_FILTER(Kind.INVALID_REQUEST);

    private final Kind kind;

    ArmError(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
