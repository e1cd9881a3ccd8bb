package dev.tenantry.shared;

import java.time.Duration;

/**
 * One caller has sent too many failing requests (for example wrong client secrets) and is refused until
 * {@link #retryAfter()} has passed. Surfaces answer it with {@code 429} and {@code Retry-After}.
 */
public final class RateLimitedException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitedException(ErrorCode code, String message, Duration retryAfter) {
        super(code, ErrorCode.Kind.RATE_LIMITED, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
