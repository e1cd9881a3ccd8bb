package dev.tenantry.storage;

import java.sql.SQLException;

/** Reading SQLSTATE codes that H2 and PostgreSQL share. */
public final class SqlStates {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private SqlStates() {}

    /** Whether {@code error} (or one of its causes) is a unique-constraint violation. */
    public static boolean isUniqueViolation(Throwable error) {
        return hasState(error, UNIQUE_VIOLATION);
    }

    /** Whether {@code error} (or one of its causes) is a foreign-key violation: a row others still point to. */
    public static boolean isForeignKeyViolation(Throwable error) {
        return hasState(error, FOREIGN_KEY_VIOLATION);
    }

    private static boolean hasState(Throwable error, String state) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
