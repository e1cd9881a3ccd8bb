package dev.tenantry.shared;

import java.util.Locale;

/**
 * A stable error code: each feature lists its codes in one enum implementing this, so a surface or a page that
 * branches on a failure compares constants, never text. The wire value is the constant's name in lower case,
 * documented and never renamed; the {@link Kind} decides the status every surface answers with.
 */
public interface ErrorCode {

    /** What went wrong, as far as a caller can act on it; each surface maps a kind to its status in one place. */
    enum Kind {
        /** The request itself is wrong: a missing or malformed field, an unknown value. */
        INVALID_REQUEST,
        /** The caller is not (or no longer) signed in, or its credentials are wrong. */
        AUTHENTICATION,
        /** The caller is known but lacks a role, a permission or a scope. */
        ACCESS_DENIED,
        /** The thing named does not exist, or the caller may not know that it does. */
        NOT_FOUND,
        /** The request clashes with what exists: a name taken, a key in use. */
        CONFLICT,
        /** The request is well formed but breaks a rule of the model. */
        RULE_VIOLATION,
        /** The caller must wait before trying again. */
        RATE_LIMITED,
        /** The server is saturated; any caller may retry shortly. */
        SERVICE_BUSY
    }

    /** The constant's name; enums implement it. */
    String name();

    Kind kind();

    /** The code on the wire: the constant's name in lower case, e.g. {@code user_not_found}. */
    default String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
