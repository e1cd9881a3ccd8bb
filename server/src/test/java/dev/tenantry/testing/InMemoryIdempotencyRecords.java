package dev.tenantry.testing;

import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.IdempotencyRecords;
import dev.tenantry.shared.RequestError;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Idempotency records in memory; a second claim of a key is refused as the SQL store refuses it. */
public final class InMemoryIdempotencyRecords implements IdempotencyRecords {

    private record Key(String callerKey, String route, String key) {}

    private final Map<Key, Answer> answers = new ConcurrentHashMap<>();

    @Override
    public Optional<Answer> find(String callerKey, String route, String key) {
        return Optional.ofNullable(answers.get(new Key(callerKey, route, key)));
    }

    @Override
    public void claim(String callerKey, String route, String key, String requestHash, Instant now) {
        if (answers.putIfAbsent(new Key(callerKey, route, key), new Answer(requestHash, 0, null, null, now)) != null) {
            throw new ConflictException(RequestError.IDEMPOTENCY_KEY_IN_USE, "The key is in use.");
        }
    }

    @Override
    public void complete(String callerKey, String route, String key, int status, String body, String location) {
        answers.computeIfPresent(
                new Key(callerKey, route, key),
                (k, claimed) -> new Answer(claimed.requestHash(), status, body, location, claimed.createdAt()));
    }

    @Override
    public void forget(String callerKey, String route, String key) {
        answers.remove(new Key(callerKey, route, key));
    }

    @Override
    public int deleteCreatedBefore(Instant cutoff) {
        int before = answers.size();
        answers.values().removeIf(answer -> answer.createdAt().isBefore(cutoff));
        return before - answers.size();
    }
}
