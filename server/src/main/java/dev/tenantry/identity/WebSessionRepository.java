package dev.tenantry.identity;

import dev.tenantry.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores web sessions by the hash of their cookie value. */
public interface WebSessionRepository {

    void insert(WebSession session, Instant createdAt);

    /** The session with this id hash, if it exists and has not expired at {@code now}. */
    Optional<WebSession> find(String idHash, Instant now);

    void delete(String idHash);

    /** Records that the session signed into the application {@code clientId} (issue 11: front-channel logout). */
    void addClient(String idHash, UUID clientId);

    /** The applications the session signed into, in no particular order; none for an unknown session. */
    List<UUID> findClients(String idHash);

    /** Ends every session of a user (sign-out everywhere); returns how many there were. */
    int deleteAllOf(UserId userId);

    /** Deletes every session expired at {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
