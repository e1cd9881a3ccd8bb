package dev.tenantry.entra;

import dev.tenantry.shared.ErrorCode;

/** Codes only the identity platform's token endpoint raises. */
public enum EntraError implements ErrorCode {
    INVALID_CLIENT_CREDENTIALS(Kind.AUTHENTICATION);

    private final Kind kind;

    EntraError(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
