package dev.tenantry.testing;

import dev.tenantry.shared.ServerSecrets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Server secrets in memory: random bytes made on first use, the same afterwards. */
public final class InMemoryServerSecrets implements ServerSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, byte[]> byName = new ConcurrentHashMap<>();

    @Override
    public byte[] getOrCreate(String name, int bytes) {
        return byName.computeIfAbsent(name, n -> {
                    byte[] secret = new byte[bytes];
                    RANDOM.nextBytes(secret);
                    return secret;
                })
                .clone();
    }
}
