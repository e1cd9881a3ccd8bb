package dev.tenantry.app.testmode;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The last requests per client id (issue 14), so a test asserts what the code under test sent. */
public final class RequestLog {

    /** How many requests are kept per client id. */
    public static final int KEPT = 200;

    /** One request: never its body or headers, which may hold secrets, but its method, path, query and status. */
    public record Recorded(Instant at, String clientId, String method, String path, String query, int status) {}

    private final Map<String, Deque<Recorded>> byClient = new LinkedHashMap<>();

    public synchronized void record(Recorded request) {
        Deque<Recorded> kept = byClient.computeIfAbsent(request.clientId(), id -> new ArrayDeque<>());
        kept.addLast(request);
        while (kept.size() > KEPT) {
            kept.removeFirst();
        }
    }

    /** The last {@code last} requests of {@code clientId} ({@code anonymous} for calls without one), oldest first. */
    public synchronized List<Recorded> last(String clientId, int last) {
        List<Recorded> all = new ArrayList<>(byClient.getOrDefault(clientId, new ArrayDeque<>()));
        return all.subList(Math.max(0, all.size() - last), all.size());
    }

    public synchronized void clear() {
        byClient.clear();
    }
}
