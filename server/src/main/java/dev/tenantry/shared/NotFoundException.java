package dev.tenantry.shared;

/** The object asked for does not exist, or the caller may not know that it exists. */
public final class NotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(ErrorCode code, String message) {
        super(code, ErrorCode.Kind.NOT_FOUND, message);
    }
}
