package dev.tenantry.web;

import dev.tenantry.shared.Column;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.IdempotencyRecords;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.RequestError;
import dev.tenantry.shared.RuleViolationException;
import dev.tenantry.shared.Transactions;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Makes a POST safe to retry with an {@code Idempotency-Key} header: the key is claimed first, then the answer is
 * stored with the work in one transaction, and a retry with the same key and body gets it again. The same key with another body is refused, and
 * two concurrent requests with one key never both do the work. Keys are scoped to the caller and route, kept 24 h.
 */
public final class Idempotency {

    private static final Duration RETENTION = Duration.ofHours(24);
    private static final Duration ABANDONED = Duration.ofMinutes(5);

    private final IdempotencyRecords records;
    private final Transactions transactions;
    private final Clock clock;

    public Idempotency(IdempotencyRecords records, Transactions transactions, Clock clock) {
        this.records = records;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The status and JSON body of an answer. */
    public record Answer(int status, Object body) {}

    /** Runs {@code work} once per key and writes its answer (or the stored one) to the response. */
    public void respond(Context ctx, String callerKey, String route, Supplier<Answer> work) {
        String key = ctx.header("Idempotency-Key");
        if (key == null) {
            Answer answer = work.get();
            ctx.status(answer.status()).json(answer.body());
            return;
        }
        if (key.isBlank() || !Column.IDEMPOTENCY_KEY.fits(key)) {
            throw new InvalidRequestException(
                    WebError.INVALID_IDEMPOTENCY_KEY,
                    "An Idempotency-Key has 1 to " + Column.IDEMPOTENCY_KEY.limit() + " characters.");
        }
        String hash = sha256(ctx.body());
        Optional<IdempotencyRecords.Answer> stored = claim(callerKey, route, key, hash);
        if (stored.isPresent()) {
            replay(ctx, stored.get(), hash);
            return;
        }
        try {
            transactions.inTransaction(() -> {
                Answer answer = work.get();
                String body = ctx.jsonMapper().toJsonString(answer.body(), Object.class);
                records.complete(callerKey, route, key, answer.status(), body);
                ctx.status(answer.status()).contentType("application/json").result(body);
                return null;
            });
        } catch (RuntimeException e) {
            records.forget(callerKey, route, key); // nothing was done: the key may be used again
            throw e;
        }
    }

    /**
     * Claims the key in a transaction of its own, so a concurrent request with the same key meets a committed claim
     * and is answered at once ({@code idempotency_key_in_use}) instead of waiting on an uncommitted row while the
     * work runs; returns the stored answer (or running claim) when the key is already taken.
     */
    private Optional<IdempotencyRecords.Answer> claim(String callerKey, String route, String key, String hash) {
        try {
            return transactions.inTransaction(() -> {
                Optional<IdempotencyRecords.Answer> existing = live(callerKey, route, key);
                if (existing.isEmpty()) {
                    records.claim(callerKey, route, key, hash, clock.instant());
                }
                return existing;
            });
        } catch (ConflictException e) {
            if (e.errorCode() != RequestError.IDEMPOTENCY_KEY_IN_USE) {
                throw e;
            }
            return live(callerKey, route, key); // the concurrent claim is committed
        }
    }

    private Optional<IdempotencyRecords.Answer> live(String callerKey, String route, String key) {
        Optional<IdempotencyRecords.Answer> found = records.find(callerKey, route, key);
        if (found.isPresent()
                && found.get()
                        .createdAt()
                        .isBefore(clock.instant().minus(found.get().status() == 0 ? ABANDONED : RETENTION))) {
            // expired, or claimed by a request whose server stopped before it answered
            records.forget(callerKey, route, key);
            return Optional.empty();
        }
        return found;
    }

    private static void replay(Context ctx, IdempotencyRecords.Answer answer, String hash) {
        if (!answer.requestHash().equals(hash)) {
            throw new RuleViolationException(
                    WebError.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used with a different request body; use a new key for a new request.");
        }
        if (answer.status() == 0) {
            throw new ConflictException(
                    RequestError.IDEMPOTENCY_KEY_IN_USE,
                    "The first request with this Idempotency-Key is still running; retry.");
        }
        ctx.status(answer.status()).contentType("application/json").header("Idempotent-Replayed", "true");
        ctx.result(answer.body());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
