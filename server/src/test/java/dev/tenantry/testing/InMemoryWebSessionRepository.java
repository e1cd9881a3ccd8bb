package dev.tenantry.testing;

import dev.tenantry.identity.WebSession;
import dev.tenantry.identity.WebSessionRepository;
import dev.tenantry.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/** Web sessions in memory, by the hash of their id. */
public final class InMemoryWebSessionRepository implements WebSessionRepository {

    private final Map<String, WebSession> byHash = new ConcurrentHashMap<>();
    private final Map<String, Set<UUID>> clients = new ConcurrentHashMap<>();

    @Override
    public void insert(WebSession session, Instant createdAt) {
        byHash.put(session.idHash(), session);
    }

    @Override
    public Optional<WebSession> find(String idHash, Instant now) {
        return Optional.ofNullable(byHash.get(idHash)).filter(s -> s.expiresAt().isAfter(now));
    }

    @Override
    public void delete(String idHash) {
        byHash.remove(idHash);
        clients.remove(idHash);
    }

    @Override
    public void addClient(String idHash, UUID clientId) {
        if (byHash.containsKey(idHash)) {
            clients.computeIfAbsent(idHash, h -> new ConcurrentSkipListSet<>()).add(clientId);
        }
    }

    @Override
    public List<UUID> findClients(String idHash) {
        return byHash.containsKey(idHash) ? List.copyOf(clients.getOrDefault(idHash, Set.of())) : List.of();
    }

    @Override
    public int deleteAllOf(UserId userId) {
        return removeIf(s -> s.userId().equals(userId));
    }

    @Override
    public int deleteExpired(Instant now) {
        return removeIf(s -> !s.expiresAt().isAfter(now));
    }

    private int removeIf(java.util.function.Predicate<WebSession> doomed) {
        int before = byHash.size();
        byHash.values().removeIf(doomed);
        clients.keySet().retainAll(byHash.keySet());
        return before - byHash.size();
    }
}
