package dev.tenantry.shared;

/** The caller could not be authenticated: missing, expired or wrong credentials. */
public final class AuthenticationException extends DomainException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(ErrorCode code, String message) {
        super(code, ErrorCode.Kind.AUTHENTICATION, message);
    }
}
