package dev.tenantry.directory.apps;

import dev.tenantry.shared.ErrorCode;

/** The stable error codes of application certificates (Graph {@code keyCredentials}, {@code addKey}, issue 11). */
public enum KeyCredentialError implements ErrorCode {
    INVALID_KEY_CREDENTIAL(Kind.INVALID_REQUEST),
    INVALID_KEY_PROOF(Kind.INVALID_REQUEST),
    KEY_CREDENTIAL_NOT_FOUND(Kind.NOT_FOUND),
    DUPLICATE_KEY_CREDENTIAL(Kind.CONFLICT);

    private final Kind kind;

    KeyCredentialError(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
