package dev.tenantry.directory.apps;

import dev.tenantry.shared.ErrorCode;

/** Why a token lifetime policy (issue 11: Graph's tokenLifetimePolicy) cannot be created or changed as asked. */
public enum TokenLifetimePolicyError implements ErrorCode {
    /**
     * A definition that is not one JSON object {@code {"TokenLifetimePolicy":{…}}}, names a property Entra does not
     * know (or no longer supports), has a {@code Version} other than 1, or an {@code AccessTokenLifetime} that is not a
     * {@code [d.]hh:mm:ss} time span between 00:10:00 and 1.00:00:00.
     */
    INVALID_DEFINITION(Kind.INVALID_REQUEST),
    /** No token lifetime policy with that id in the caller's directory. */
    POLICY_NOT_FOUND(Kind.NOT_FOUND),
    /** The directory already has a policy with {@code isOrganizationDefault} true; only one may. */
    ORGANIZATION_DEFAULT_EXISTS(Kind.CONFLICT),
    /** The application does not have the policy named assigned. */
    NOT_ASSIGNED(Kind.NOT_FOUND);

    private final Kind kind;

    TokenLifetimePolicyError(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
