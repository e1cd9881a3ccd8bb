package dev.tenantry.shared;

import java.util.Optional;

/**
 * A failure the domain explains to its caller: a stable {@link ErrorCode} (documented, never renamed) and a
 * message that says what to fix. It carries no HTTP status; each surface maps the code's kind once.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException,
                ConflictException,
                InvalidRequestException,
                RuleViolationException,
                AccessDeniedException,
                AuthenticationException,
                RateLimitedException,
                ServiceBusyException {

    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // every ErrorCode is an enum constant, and enums are serializable
    private final ErrorCode errorCode;

    private final String field;

    protected DomainException(ErrorCode code, ErrorCode.Kind kind, String message) {
        this(code, kind, message, null);
    }

    /** A failure about one input, named as the use case names its parameter (e.g. {@code userPrincipalName}). */
    protected DomainException(ErrorCode code, ErrorCode.Kind kind, String message, String field) {
        super(message);
        if (code.kind() != kind) {
            throw new IllegalArgumentException(code + " is a " + code.kind() + " code, not " + kind);
        }
        this.errorCode = code;
        this.field = field;
    }

    /** The stable code on the wire, e.g. {@code user_not_found}. */
    public String code() {
        return errorCode.value();
    }

    /** The input the failure is about, for a form that shows the message next to that field. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** The typed code, for a page or a surface that treats one failure differently. */
    public ErrorCode errorCode() {
        return errorCode;
    }
}
