package dev.tenantry.shared;

/** The request clashes with the current state, such as a name that is taken. */
public final class ConflictException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String code, String message) {
        super(code, message);
    }
}
