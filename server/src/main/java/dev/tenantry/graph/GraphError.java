package dev.tenantry.graph;

import dev.tenantry.shared.ErrorCode;

/** Codes only Microsoft Graph's surface raises, for its query options. */
public enum GraphError implements ErrorCode {
    INVALID_TOP(Kind.INVALID_REQUEST),
    ME_REQUIRES_DELEGATED(Kind.INVALID_REQUEST),
    CONSISTENCY_LEVEL_REQUIRED(Kind.INVALID_REQUEST),
    UNSUPPORTED_QUERY_OPTION(Kind.INVALID_REQUEST),
    UNSUPPORTED_SELECT(Kind.INVALID_REQUEST);

    private final Kind kind;

    GraphError(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
