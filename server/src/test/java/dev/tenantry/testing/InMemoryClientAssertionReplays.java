package dev.tenantry.testing;

import dev.tenantry.identity.ClientAssertionReplays;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Used client assertion ids in a map; {@code putIfAbsent} refuses the second use as the primary key does in SQL. */
public final class InMemoryClientAssertionReplays implements ClientAssertionReplays {

    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    @Override
    public boolean firstUse(String jtiHash, Instant expiresAt, Instant now) {
        expiries.values().removeIf(expiry -> !expiry.isAfter(now));
        return expiries.putIfAbsent(jtiHash, expiresAt) == null;
    }
}
