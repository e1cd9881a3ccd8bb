package dev.tenantry.shared;

/** The request is malformed or misses a required value. */
public final class InvalidRequestException extends DomainException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String code, String message) {
        super(code, message);
    }
}
