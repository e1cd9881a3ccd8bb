package dev.tenantry.shared;

/** Codes for a malformed or unsupported request, whatever the feature. */
public enum RequestError implements ErrorCode {
    IDEMPOTENCY_KEY_IN_USE(Kind.CONFLICT),
    FIELD_TOO_LONG(Kind.INVALID_REQUEST),
    INVALID_ID(Kind.INVALID_REQUEST),
    INVALID_PAGE_SIZE(Kind.INVALID_REQUEST),
    MISSING_FIELD(Kind.INVALID_REQUEST),
    UNSUPPORTED_FILTER(Kind.INVALID_REQUEST),
    INVALID_TOKEN(Kind.AUTHENTICATION),
    MISSING_TOKEN(Kind.AUTHENTICATION);

    private final Kind kind;

    RequestError(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
