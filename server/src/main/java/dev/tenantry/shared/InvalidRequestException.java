package dev.tenantry.shared;

/** The request is malformed or misses a required value. */
public final class InvalidRequestException extends DomainException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(ErrorCode code, String message) {
        super(code, ErrorCode.Kind.INVALID_REQUEST, message);
    }

    /** A failure about the input {@code field}, as the use case names it. */
    public InvalidRequestException(ErrorCode code, String message, String field) {
        super(code, ErrorCode.Kind.INVALID_REQUEST, message, field);
    }
}
