package dev.tenantry.shared;

/** The request clashes with the current state, such as a name that is taken. */
public final class ConflictException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ConflictException(ErrorCode code, String message) {
        super(code, ErrorCode.Kind.CONFLICT, message);
    }

    /** A failure about the input {@code field}, as the use case names it. */
    public ConflictException(ErrorCode code, String message, String field) {
        super(code, ErrorCode.Kind.CONFLICT, message, field);
    }
}
