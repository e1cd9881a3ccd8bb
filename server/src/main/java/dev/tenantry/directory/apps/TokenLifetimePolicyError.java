package dev.tenantry.directory.apps;

import dev.tenantry.shared.ErrorCode;

/** Why a token lifetime policy (issue 11: Graph's tokenLifetimePolicy) cannot be created or changed as asked. */
public enum TokenLifetimePolicyError implements ErrorCode {
    /**
     * A definition that is not one JSON object {@code {"TokenLifetimePolicy":{…}}}, names a property Entra does not
     * know (or no longer supports), has a {@code Version} other than 1, or an {@code AccessTokenLifetime} that is not a
     * {@code [d.]hh:mm:ss} time span between 00:10:00 and 1.00:00:00.
     */
    INVALID_DEFINITION(Kind.INVALID_REQUEST);

    private final Kind kind;

    TokenLifetimePolicyError(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
