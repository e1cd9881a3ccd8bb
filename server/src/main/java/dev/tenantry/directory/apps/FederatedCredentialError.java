package dev.tenantry.directory.apps;

import dev.tenantry.shared.ErrorCode;

/** The stable error codes of federated identity credentials (Graph {@code federatedIdentityCredentials}, issue 11). */
public enum FederatedCredentialError implements ErrorCode {
    INVALID_FEDERATED_CREDENTIAL(Kind.INVALID_REQUEST),
    FEDERATED_CREDENTIAL_NOT_FOUND(Kind.NOT_FOUND),
    DUPLICATE_FEDERATED_CREDENTIAL(Kind.CONFLICT);

    private final Kind kind;

    FederatedCredentialError(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
