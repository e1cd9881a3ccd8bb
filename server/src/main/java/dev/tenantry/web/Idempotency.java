package dev.tenantry.web;

import dev.tenantry.shared.Column;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.IdempotencyRecords;
import dev.tenantry.shared.InvalidRequestException;
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
 * Makes a POST safe to retry with an {@code Idempotency-Key} header: the first answer is stored with the work in one
 * transaction, and a retry with the same key and body gets it again. The same key with another body is refused, and
 * two concurrent requests with one key never both do the work. Keys are scoped to the caller and route, kept 24 h.
 */
public final class Idempotency {

    private static final Duration RETENTION = Duration.ofHours(24);

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
                    "invalid_idempotency_key",
                    "An Idempotency-Key has 1 to " + Column.IDEMPOTENCY_KEY.limit() + " characters.");
        }
        String hash = sha256(ctx.body());
        Optional<IdempotencyRecords.Answer> stored;
        try {
            stored = transactions.inTransaction(() -> {
                Optional<IdempotencyRecords.Answer> existing = live(callerKey, route, key);
                if (existing.isPresent()) {
                    return existing;
                }
                records.claim(callerKey, route, key, hash, clock.instant());
                Answer answer = work.get();
                String body = ctx.jsonMapper().toJsonString(answer.body(), Object.class);
                records.complete(callerKey, route, key, answer.status(), body);
                ctx.status(answer.status()).contentType("application/json").result(body);
                return Optional.empty();
            });
        } catch (ConflictException e) {
            if (!"idempotency_key_in_use".equals(e.code())) {
                throw e;
            }
            stored = live(callerKey, route, key); // the concurrent request has committed by now
        }
        stored.ifPresent(answer -> replay(ctx, answer, hash));
    }

    private Optional<IdempotencyRecords.Answer> live(String callerKey, String route, String key) {
        Optional<IdempotencyRecords.Answer> found = records.find(callerKey, route, key);
        if (found.isPresent()
                && found.get().createdAt().isBefore(clock.instant().minus(RETENTION))) {
            records.forget(callerKey, route, key);
            return Optional.empty();
        }
        return found;
    }

    private static void replay(Context ctx, IdempotencyRecords.Answer answer, String hash) {
        if (!answer.requestHash().equals(hash)) {
            throw new RuleViolationException(
                    "idempotency_key_reused",
                    "This Idempotency-Key was used with a different request body; use a new key for a new request.");
        }
        if (answer.status() == 0) {
            throw new ConflictException(
                    "idempotency_key_in_use", "The first request with this Idempotency-Key is still running; retry.");
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
