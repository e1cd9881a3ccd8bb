package dev.tenantry.storage;

import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.IdempotencyRecords;
import dev.tenantry.shared.RequestError;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Idempotency records in SQL; the primary key makes concurrent claims of one key collide. */
public final class JdbiIdempotencyRecords implements IdempotencyRecords {

    private final Jdbi jdbi;

    public JdbiIdempotencyRecords(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Answer> find(String callerKey, String route, String key) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT request_hash, status, response_body, created_at FROM idempotency_record
                        WHERE caller_key = :caller AND route = :route AND idem_key = :key
                        """)
                .bind("caller", callerKey)
                .bind("route", route)
                .bind("key", key)
                .map((rs, ctx) -> new Answer(
                        rs.getString("request_hash"),
                        rs.getInt("status"),
                        rs.getString("response_body"),
                        ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "created_at", ctx)))
                .findOne());
    }

    @Override
    public void claim(String callerKey, String route, String key, String requestHash, Instant now) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate("""
                            INSERT INTO idempotency_record (caller_key, route, idem_key, request_hash, status,
                                response_body, created_at)
                            VALUES (:caller, :route, :key, :hash, 0, '', :now)
                            """)
                    .bind("caller", callerKey)
                    .bind("route", route)
                    .bind("key", key)
                    .bind("hash", requestHash)
                    .bind("now", now)
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw new ConflictException(
                        RequestError.IDEMPOTENCY_KEY_IN_USE, "A request with this Idempotency-Key is running.");
            }
            throw e;
        }
    }

    @Override
    public void complete(String callerKey, String route, String key, int status, String body) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        UPDATE idempotency_record SET status = :status, response_body = :body
                        WHERE caller_key = :caller AND route = :route AND idem_key = :key
                        """)
                .bind("status", status)
                .bind("body", body)
                .bind("caller", callerKey)
                .bind("route", route)
                .bind("key", key)
                .execute());
    }

    @Override
    public void forget(String callerKey, String route, String key) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "DELETE FROM idempotency_record WHERE caller_key = :caller AND route = :route AND idem_key = :key")
                .bind("caller", callerKey)
                .bind("route", route)
                .bind("key", key)
                .execute());
    }

    @Override
    public int deleteCreatedBefore(Instant cutoff) {
        return jdbi.withHandle(
                handle -> handle.createUpdate("DELETE FROM idempotency_record WHERE created_at < :cutoff")
                        .bind("cutoff", cutoff)
                        .execute());
    }
}
