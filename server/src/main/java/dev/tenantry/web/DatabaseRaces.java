package dev.tenantry.web;

import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.ServiceBusyException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;

/**
 * What a database failure that no service turned into a domain failure means to the caller, when it is a race with
 * other requests rather than a fault. The services handle the races they expect (a name taken twice, a row deleted
 * under a reference); this is the net under them, so that a race on PostgreSQL, whose locking differs from H2's, is
 * never a 500.
 */
final class DatabaseRaces {

    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private DatabaseRaces() {}

    /**
     * A deadlock, serialization failure, lock or statement timeout, or a connection lost or not had in time: a 503 with
     * {@code Retry-After}, which Microsoft's SDKs retry by themselves. A constraint that another request's concurrent
     * change broke (a row this one refers to deleted meanwhile, the same thing added twice): a 409. Null for anything
     * else, which is a fault.
     */
    static DomainException of(Throwable error) {
        if (transientState(error)) {
            return new ServiceBusyException(
                    WebError.DATABASE_BUSY,
                    "The database could not complete the request now because of other requests at the same time."
                            + " Try again in a moment.",
                    RETRY_AFTER);
        }
        if (brokenByAnotherRequest(error)) {
            return new ConflictException(
                    WebError.CONCURRENT_CHANGE,
                    "Another request changed what this one relies on at the same time (something it refers to was"
                            + " removed, or the same thing was added twice). Read it again and retry.");
        }
        return null;
    }

    /** Class 40 (serialization failure, deadlock), 55P03 (lock not available), 57014 (statement timeout), class 08. */
    private static boolean transientState(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException) {
                return true; // the pool's "no connection in time" among them
            }
            String state = cause instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null
                    && (state.startsWith("40")
                            || state.startsWith("08")
                            || state.equals("55P03")
                            || state.equals("57014"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * 23503 (a foreign key: the row referred to is gone) and 23505 (a unique key: the same thing added twice), what a
     * concurrent change breaks. A not-null or check violation is a value no validation caught: a fault.
     */
    private static boolean brokenByAnotherRequest(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String state = cause instanceof SQLException sql ? sql.getSQLState() : null;
            if ("23503".equals(state) || "23505".equals(state)) {
                return true;
            }
        }
        return false;
    }
}
