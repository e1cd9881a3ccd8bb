package dev.tenantry.jobs.storage;

import dev.tenantry.jobs.JobLease;
import dev.tenantry.jobs.JobLeases;
import dev.tenantry.jobs.JobOutcome;
import dev.tenantry.storage.SqlStates;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Job leases in SQL. A lease is taken by one conditional {@code UPDATE} of the job's row: the database locks the row,
 * and the second of two racing nodes re-reads it after the first committed (PostgreSQL's READ COMMITTED re-check, H2's
 * locked-row re-check), finds it taken and updates nothing. The first run inserts the row; the primary key lets one
 * insert through.
 */
public final class JdbiJobLeases implements JobLeases {

    private static final String TAKE = """
            UPDATE job_lease SET holder = :holder, lease_until = :leaseUntil, last_started_at = :now
            WHERE name = :name
              AND (holder = :holder OR holder IS NULL OR lease_until <= :now)
              AND (last_started_at IS NULL OR last_started_at <= :notStartedSince)
            """;
    private static final String CREATE = """
            INSERT INTO job_lease (name, holder, lease_until, last_started_at)
            SELECT :name, :holder, :leaseUntil, :now
            WHERE NOT EXISTS (SELECT 1 FROM job_lease WHERE name = :name)
            """;

    private final Jdbi jdbi;

    public JdbiJobLeases(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean tryStart(String name, String holder, Instant now, Instant notStartedSince, Instant leaseUntil) {
        int taken = jdbi.withHandle(handle -> handle.createUpdate(TAKE)
                .bind("name", name)
                .bind("holder", holder)
                .bind("now", now)
                .bind("notStartedSince", notStartedSince)
                .bind("leaseUntil", leaseUntil)
                .execute());
        if (taken > 0) {
            return true;
        }
        try {
            return jdbi.withHandle(handle -> handle.createUpdate(CREATE)
                            .bind("name", name)
                            .bind("holder", holder)
                            .bind("now", now)
                            .bind("leaseUntil", leaseUntil)
                            .execute())
                    > 0;
        } catch (JdbiException e) {
            if (SqlStates.isUniqueViolation(e)) {
                return false; // another node created the row first: its run is the one of this period
            }
            throw e;
        }
    }

    @Override
    public void finish(String name, String holder, Instant now, JobOutcome outcome) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        UPDATE job_lease SET last_finished_at = :now, last_outcome = :outcome
                        WHERE name = :name AND holder = :holder
                        """)
                .bind("name", name)
                .bind("holder", holder)
                .bind("now", now)
                .bind("outcome", outcome.name())
                .execute());
    }

    @Override
    public void release(String name, String holder, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        UPDATE job_lease SET lease_until = :now
                        WHERE name = :name AND holder = :holder AND lease_until > :now
                        """)
                .bind("name", name)
                .bind("holder", holder)
                .bind("now", now)
                .execute());
    }

    @Override
    public Optional<JobLease> find(String name) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT name, holder, lease_until, last_started_at, last_finished_at, last_outcome
                        FROM job_lease WHERE name = :name
                        """)
                .bind("name", name)
                .map((rs, ctx) -> {
                    var instants = ctx.findColumnMapperFor(Instant.class).orElseThrow();
                    String outcome = rs.getString("last_outcome");
                    return new JobLease(
                            rs.getString("name"),
                            rs.getString("holder"),
                            instants.map(rs, "lease_until", ctx),
                            instants.map(rs, "last_started_at", ctx),
                            instants.map(rs, "last_finished_at", ctx),
                            outcome == null ? null : JobOutcome.valueOf(outcome));
                })
                .findOne());
    }
}
