package dev.tenantry.entra;

import dev.tenantry.shared.ErrorCode;

/** Codes only the identity platform's endpoints raise (token, instance discovery). */
public enum EntraError implements ErrorCode {
    INVALID_CLIENT_CREDENTIALS(Kind.AUTHENTICATION),
    INVALID_INSTANCE(Kind.INVALID_REQUEST);

    private final Kind kind;

    EntraError(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
