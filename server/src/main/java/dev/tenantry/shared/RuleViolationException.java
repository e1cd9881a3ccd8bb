package dev.tenantry.shared;

/** The request is well formed but a rule of the model refuses it. */
public final class RuleViolationException extends DomainException {

    private static final long serialVersionUID = 1L;

    public RuleViolationException(ErrorCode code, String message) {
        super(code, ErrorCode.Kind.RULE_VIOLATION, message);
    }

    /** A failure about the input {@code field}, as the use case names it. */
    public RuleViolationException(ErrorCode code, String message, String field) {
        super(code, ErrorCode.Kind.RULE_VIOLATION, message, field);
    }
}
