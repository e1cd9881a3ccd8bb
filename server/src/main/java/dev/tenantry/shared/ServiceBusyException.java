package dev.tenantry.shared;

import java.time.Duration;

/**
 * The server sheds this request because expensive work (password hashing) is at its bound; the caller should retry
 * after {@link #retryAfter()}. Surfaces answer it with {@code 503} and {@code Retry-After}.
 */
public final class ServiceBusyException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public ServiceBusyException(ErrorCode code, String message, Duration retryAfter) {
        super(code, ErrorCode.Kind.SERVICE_BUSY, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
