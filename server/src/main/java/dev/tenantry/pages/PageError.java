package dev.tenantry.pages;

import dev.tenantry.shared.ErrorCode;

/** Codes only the web pages raise. */
public enum PageError implements ErrorCode {
    CSRF_FAILED(Kind.ACCESS_DENIED),
    ORDER_NOT_FOUND(Kind.NOT_FOUND);

    private final Kind kind;

    PageError(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
