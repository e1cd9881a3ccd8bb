package dev.tenantry.shared;

/**
 * A failure the domain explains to its caller: a stable {@link #code()} (documented, never renamed) and a
 * message that says what to fix. It carries no HTTP status; each surface maps the subtype once.
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

    private final String code;

    protected DomainException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
