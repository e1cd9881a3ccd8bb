package dev.tenantry.web;

import com.fasterxml.jackson.core.JacksonException;
import dev.tenantry.shared.AccessDeniedException;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.ErrorCode;
import dev.tenantry.shared.RateLimitedException;
import dev.tenantry.shared.ServiceBusyException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to a status in one place and hands it to the renderer of the surface the request came in on.
 * Domain failures are logged at DEBUG; a database race no service expected (see {@link DatabaseRaces}) at WARN;
 * anything unexpected at ERROR with its stack, and never shown to the client.
 */
public final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    /** The request attribute holding the code of the failure a request was answered with, for logs and metrics. */
    public static final String FAILURE_CODE = "tenantry.failureCode";

    private final List<FailureRenderer> renderers;

    /** Uses {@code renderers} in order; the last one should handle every request. */
    public Failures(List<FailureRenderer> renderers) {
        this.renderers = List.copyOf(renderers);
    }

    /** The only place that decides the status of a domain failure: its code's kind. A new kind won't compile until mapped. */
    public static int statusOf(DomainException e) {
        return statusOf(e.errorCode().kind());
    }

    /** The status of every failure of {@code kind}, on every surface. */
    public static int statusOf(ErrorCode.Kind kind) {
        return switch (kind) {
            case INVALID_REQUEST -> 400;
            case AUTHENTICATION -> 401;
            case ACCESS_DENIED -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case RULE_VIOLATION -> 422;
            case RATE_LIMITED -> 429;
            case SERVICE_BUSY -> 503;
        };
    }

    public void register(RoutesConfig routes) {
        routes.exception(DomainException.class, (e, ctx) -> {
            LOG.debug("{} {} refused: {} {}", ctx.method(), ctx.path(), e.code(), e.getMessage());
            refuse(ctx, e);
        });
        routes.exception(
                ValidationException.class,
                (e, ctx) -> render(
                        ctx,
                        new Failure(
                                400,
                                WebError.INVALID_REQUEST.value(),
                                "The request is not valid: " + e.getErrors().keySet())));
        routes.exception(
                HttpResponseException.class,
                (e, ctx) -> render(ctx, new Failure(e.getStatus(), codeOf(e), e.getMessage())));
        routes.exception(Exception.class, (e, ctx) -> {
            JacksonException json = jsonCause(e);
            if (json != null) {
                render(ctx, new Failure(400, WebError.MALFORMED_BODY.value(), JsonProblems.describe(json)));
                return;
            }
            // SQL failures carry the statement and its bound values (personal data): they are logged redacted
            DomainException race = DatabaseRaces.of(e);
            if (race != null) {
                LOG.warn("{} {} answered {}", ctx.method(), ctx.path(), race.code(), RedactedFailure.of(e));
                refuse(ctx, race);
                return;
            }
            LOG.error("{} {} failed", ctx.method(), ctx.path(), RedactedFailure.of(e));
            render(ctx, new Failure(500, "internal_error", "The server failed to handle the request; it was logged."));
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                render(
                        ctx,
                        new Failure(
                                404,
                                WebError.NOT_FOUND.value(),
                                "There is nothing at " + ctx.method() + " " + ctx.path() + "."));
            }
        });
        routes.error(
                405,
                ctx -> render(
                        ctx,
                        new Failure(
                                405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path() + ".")));
    }

    private void refuse(Context ctx, DomainException e) {
        List<String> roles = e instanceof AccessDeniedException denied ? denied.requiredRoles() : List.of();
        retryAfter(e).ifPresent(wait -> ctx.header("Retry-After", Long.toString(Math.max(1, wait.toSeconds()))));
        render(ctx, new Failure(statusOf(e), e.code(), e.getMessage(), roles));
    }

    public void render(Context ctx, Failure failure) {
        ctx.attribute(FAILURE_CODE, failure.code());
        for (FailureRenderer renderer : renderers) {
            if (renderer.handles(ctx)) {
                renderer.render(ctx, failure);
                return;
            }
        }
        throw new IllegalStateException("no failure renderer for " + ctx.path());
    }

    /** How long a refused caller should wait, for the {@code Retry-After} header (RFC 9110 §10.2.3). */
    private static Optional<Duration> retryAfter(DomainException e) {
        return switch (e) {
            case RateLimitedException limited -> Optional.of(limited.retryAfter());
            case ServiceBusyException busy -> Optional.of(busy.retryAfter());
            default -> Optional.empty();
        };
    }

    private static String codeOf(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> WebError.NOT_FOUND.value();
            case 405 -> "method_not_allowed";
            case 413 -> "request_too_large";
            case 415 -> "unsupported_media_type";
            default -> "http_" + e.getStatus();
        };
    }

    private static JacksonException jsonCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }
}
