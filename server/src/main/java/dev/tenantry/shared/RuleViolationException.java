package dev.tenantry.shared;

/** The request is well formed but a rule of the model refuses it. */
public final class RuleViolationException extends DomainException {

    private static final long serialVersionUID = 1L;

    public RuleViolationException(String code, String message) {
        super(code, message);
    }
}
