package dev.tenantry.directory.apps;

import dev.tenantry.shared.ErrorCode;

/** The stable error codes of app roles and their assignments (issue 11). */
public enum AppRoleError implements ErrorCode {
    /** An {@code appRoles} entry Graph would refuse: a bad value, a duplicate, a missing property. */
    INVALID_APP_ROLE(Kind.INVALID_REQUEST),
    /** A role removed from {@code appRoles} while still enabled: Entra wants {@code isEnabled:false} first. */
    APP_ROLE_STILL_ENABLED(Kind.INVALID_REQUEST),
    /** An assignment whose {@code appRoleId} is no enabled role of the resource for that kind of principal. */
    APP_ROLE_NOT_ASSIGNABLE(Kind.INVALID_REQUEST),
    /** A {@code requiredResourceAccess} entry Graph would refuse: a duplicate, an unknown type or role. */
    INVALID_REQUIRED_RESOURCE_ACCESS(Kind.INVALID_REQUEST),
    /** An assignment whose principal is no user, group or service principal of the directory. */
    ASSIGNEE_NOT_FOUND(Kind.NOT_FOUND),
    /** A PATCH of a service principal with a property that cannot be changed here, or a malformed value. */
    INVALID_SERVICE_PRINCIPAL_PATCH(Kind.INVALID_REQUEST),
    /** AADSTS50105: the app requires an assignment and the user has none, directly or through a group. */
    USER_NOT_ASSIGNED(Kind.ACCESS_DENIED);

    private final Kind kind;

    AppRoleError(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
