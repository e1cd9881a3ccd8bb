package dev.tenantry.testing;

import dev.tenantry.directory.apps.KeyCredential;
import dev.tenantry.directory.apps.KeyCredentialError;
import dev.tenantry.directory.apps.KeyCredentialRepository;
import dev.tenantry.shared.ConflictException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Application certificates in a map by application id; rolled back with the other fakes. */
public final class InMemoryKeyCredentialRepository implements KeyCredentialRepository, Restorable {

    private final Map<UUID, List<KeyCredential>> byApplication = new ConcurrentHashMap<>();

    @Override
    public synchronized void insert(UUID applicationId, KeyCredential key) {
        List<KeyCredential> keys = new ArrayList<>(byApplication.getOrDefault(applicationId, List.of()));
        if (keys.stream().anyMatch(k -> k.keyId().equals(key.keyId()))) {
            throw new ConflictException(
                    KeyCredentialError.DUPLICATE_KEY_CREDENTIAL,
                    "The application already has a key credential with keyId '" + key.keyId() + "'.");
        }
        keys.add(key);
        byApplication.put(applicationId, List.copyOf(keys));
    }

    @Override
    public List<KeyCredential> list(UUID applicationId) {
        return byApplication.getOrDefault(applicationId, List.of()).stream()
                .sorted(Comparator.comparing(KeyCredential::startDateTime).thenComparing(KeyCredential::keyId))
                .toList();
    }

    @Override
    public synchronized boolean delete(UUID applicationId, UUID keyId) {
        List<KeyCredential> keys = byApplication.getOrDefault(applicationId, List.of());
        List<KeyCredential> kept =
                keys.stream().filter(k -> !k.keyId().equals(keyId)).toList();
        byApplication.put(applicationId, kept);
        return kept.size() < keys.size();
    }

    @Override
    public Runnable snapshot() {
        return Restorable.copyOf(byApplication);
    }
}
