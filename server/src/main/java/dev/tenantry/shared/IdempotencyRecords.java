package dev.tenantry.shared;

import java.time.Instant;
import java.util.Optional;

/** Stores the first answer to a request made with an {@code Idempotency-Key}, so any node can replay it. */
public interface IdempotencyRecords {

    /** A stored answer; {@code status} 0 means the first request is still running. */
    record Answer(String requestHash, int status, String body, String location, Instant createdAt) {}

    Optional<Answer> find(String callerKey, String route, String key);

    /** Claims the key for a new request; a {@code ConflictException} when another request holds it already. */
    void claim(String callerKey, String route, String key, String requestHash, Instant now);

    void complete(String callerKey, String route, String key, int status, String body, String location);

    void forget(String callerKey, String route, String key);

    /** Deletes every record created before {@code cutoff}; returns how many. */
    int deleteCreatedBefore(Instant cutoff);
}
