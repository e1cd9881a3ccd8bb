package dev.tenantry.web;

import dev.tenantry.shared.ErrorCode;

/** The stable error codes of the HTTP layer itself: bearer tokens, bodies, paging and idempotency. */
public enum WebError implements ErrorCode {
    INVALID_IDEMPOTENCY_KEY(Kind.INVALID_REQUEST),
    INVALID_REQUEST(Kind.INVALID_REQUEST),
    INVALID_SKIPTOKEN(Kind.INVALID_REQUEST),
    MALFORMED_BODY(Kind.INVALID_REQUEST),
    MISSING_BODY(Kind.INVALID_REQUEST),
    IDEMPOTENCY_KEY_REUSED(Kind.RULE_VIOLATION),
    NOT_FOUND(Kind.NOT_FOUND),
    /** A change made at the same time by another request won: what this one relied on is no longer so. */
    CONCURRENT_CHANGE(Kind.CONFLICT),
    /** The database refused for now (a deadlock, a lock or connection not had in time): retry after a moment. */
    DATABASE_BUSY(Kind.SERVICE_BUSY);

    private final Kind kind;

    WebError(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
