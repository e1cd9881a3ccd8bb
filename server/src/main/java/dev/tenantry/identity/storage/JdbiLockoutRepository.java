package dev.tenantry.identity.storage;

import dev.tenantry.identity.Lockout;
import dev.tenantry.identity.LockoutRepository;
import dev.tenantry.storage.SqlStates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Failed-credential counts in SQL; an update locks the subject's row, so nodes counting at once never lose one. */
public final class JdbiLockoutRepository implements LockoutRepository {

    private static final String COLUMNS =
            "subject, failures, window_started_at, locked_until, lockouts, last_failure_at";

    private static final String INSERT = """
            INSERT INTO credential_lockout (subject, failures, window_started_at, locked_until, lockouts,
                                            last_failure_at)
            VALUES (:subject, :failures, :windowStartedAt, :lockedUntil, :lockouts, :lastFailureAt)
            """;

    private static final String UPDATE = """
            UPDATE credential_lockout
            SET failures = :failures, window_started_at = :windowStartedAt, locked_until = :lockedUntil,
                lockouts = :lockouts, last_failure_at = :lastFailureAt
            WHERE subject = :subject
            """;

    private static final String DELETE_STALE = """
            DELETE FROM credential_lockout
            WHERE last_failure_at < :staleBefore AND (locked_until IS NULL OR locked_until <= :now)
            """;

    private final Jdbi jdbi;

    public JdbiLockoutRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Lockout> find(String subject) {
        return jdbi.withHandle(handle -> select(handle, subject, ""));
    }

    @Override
    public Lockout update(String subject, UnaryOperator<Lockout> change) {
        try {
            return jdbi.inTransaction(handle -> apply(handle, subject, change));
        } catch (UnableToExecuteStatementException e) {
            if (!SqlStates.isUniqueViolation(e)) {
                throw e;
            }
            // another node inserted the first failure of this subject meanwhile: its row exists now, so lock it
            return jdbi.inTransaction(handle -> apply(handle, subject, change));
        }
    }

    @Override
    public void delete(String subject) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM credential_lockout WHERE subject = :subject")
                .bind("subject", subject)
                .execute());
    }

    @Override
    public int deleteStale(Instant staleBefore, Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate(DELETE_STALE)
                .bind("staleBefore", staleBefore)
                .bind("now", now)
                .execute());
    }

    private static Lockout apply(Handle handle, String subject, UnaryOperator<Lockout> change) {
        Optional<Lockout> current = select(handle, subject, " FOR UPDATE");
        Lockout next = change.apply(current.orElseGet(() -> Lockout.none(subject)));
        handle.createUpdate(current.isPresent() ? UPDATE : INSERT)
                .bind("subject", subject)
                .bind("failures", next.failures())
                .bindByType("windowStartedAt", next.windowStartedAt(), Instant.class)
                .bindByType("lockedUntil", next.lockedUntil(), Instant.class)
                .bind("lockouts", next.lockouts())
                .bindByType("lastFailureAt", next.lastFailureAt(), Instant.class)
                .execute();
        return next;
    }

    private static Optional<Lockout> select(Handle handle, String subject, String lock) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM credential_lockout WHERE subject = :subject" + lock)
                .bind("subject", subject)
                .map(JdbiLockoutRepository::toLockout)
                .findOne();
    }

    private static Lockout toLockout(ResultSet rs, StatementContext ctx) throws SQLException {
        var instants = ctx.findColumnMapperFor(Instant.class).orElseThrow();
        return new Lockout(
                rs.getString("subject"),
                rs.getInt("failures"),
                instants.map(rs, "window_started_at", ctx),
                instants.map(rs, "locked_until", ctx),
                rs.getInt("lockouts"),
                instants.map(rs, "last_failure_at", ctx));
    }
}
