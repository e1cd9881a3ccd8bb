package dev.tenantry.web;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A failure as the log may show it. A chain that went through the database has every message withheld, because JDBC
 * drivers and Jdbi put the statement and its bound values (e-mail, phone, address, token hashes) into them and
 * wrappers copy them on; the classes, SQL states and stack traces stay, which is what a fix needs.
 */
final class RedactedFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_DEPTH = 32;

    private RedactedFailure(String message, Throwable cause, StackTraceElement[] stackTrace) {
        super(message, cause, false, true);
        setStackTrace(stackTrace);
    }

    /** {@code e} itself when no database code is in its chain, otherwise a copy of the chain without messages. */
    static Throwable of(Throwable e) {
        List<Throwable> chain = chain(e);
        return chain.stream().anyMatch(RedactedFailure::fromDatabase) ? copy(chain, 0) : e;
    }

    private static Throwable copy(List<Throwable> chain, int index) {
        if (index >= chain.size()) {
            return null;
        }
        Throwable original = chain.get(index);
        String message = original.getClass().getName() + ": " + withheld(original);
        return new RedactedFailure(message, copy(chain, index + 1), original.getStackTrace());
    }

    private static String withheld(Throwable e) {
        String reason = "[message withheld: it may carry bound values]";
        return e instanceof SQLException sql
                ? "SQLState " + sql.getSQLState() + ", vendor code " + sql.getErrorCode() + " " + reason
                : reason;
    }

    private static boolean fromDatabase(Throwable e) {
        String name = e.getClass().getName();
        return e instanceof SQLException
                || name.startsWith("org.jdbi.")
                || name.startsWith("org.h2.")
                || name.startsWith("org.postgresql.")
                || name.startsWith("com.zaxxer.");
    }

    private static List<Throwable> chain(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && chain.size() < MAX_DEPTH && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
