package dev.tenantry.directory.apps;

import dev.tenantry.shared.ErrorCode;

/** Why an application's exposed API (issue 11: identifierUris, api) cannot be changed as asked. */
public enum ExposedApiError implements ErrorCode {
    /** Not an {@code api://} or {@code https://} URI of this directory, as Entra's identifier URI policy wants. */
    HOST_NAME_NOT_ON_VERIFIED_DOMAIN(Kind.INVALID_REQUEST),
    /** Another application of the directory has the URI already. */
    IDENTIFIER_URI_TAKEN(Kind.INVALID_REQUEST),
    /** The store found the URI taken after the service's check (two changes at once): a conflict. */
    IDENTIFIER_URI_CONFLICT(Kind.CONFLICT),
    /** A permission scope that is malformed: no id, an empty or duplicate value, an unknown type. */
    INVALID_PERMISSION_SCOPE(Kind.INVALID_REQUEST),
    /** An enabled scope removed or renamed: Entra wants it disabled first. */
    CANNOT_DELETE_OR_UPDATE_ENABLED_ENTITLEMENT(Kind.INVALID_REQUEST),
    /** A body whose identifierUris or api is not of Graph's shape. */
    MALFORMED_API(Kind.INVALID_REQUEST),
    /** {@code requestedAccessTokenVersion} other than null, 1 or 2. */
    INVALID_ACCESS_TOKEN_VERSION(Kind.INVALID_REQUEST);

    private final Kind kind;

    ExposedApiError(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
