package dev.tenantry.arm;

import dev.tenantry.shared.ErrorCode;

/** Codes only Azure Resource Manager's surface raises. */
public enum ArmError implements ErrorCode {
    INVALID_ROLE_DEFINITION(Kind.INVALID_REQUEST),
    MISSING_API_VERSION(Kind.INVALID_REQUEST),
    /** A query option the route does not honour: refused, never ignored. */
    UNSUPPORTED_QUERY_OPTION(Kind.INVALID_REQUEST),
    ROLE_DEFINITION_NOT_FOUND(Kind.NOT_FOUND);

    private final Kind kind;

    ArmError(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
