package dev.tenantry.testing;

import dev.tenantry.directory.apps.FederatedCredentialError;
import dev.tenantry.directory.apps.FederatedIdentityCredential;
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

/** Application certificates and federated credentials in maps by application id; rolled back with the other fakes. */
public final class InMemoryKeyCredentialRepository implements KeyCredentialRepository, Restorable {

    private final Map<UUID, List<KeyCredential>> byApplication = new ConcurrentHashMap<>();
    private final Map<UUID, List<FederatedIdentityCredential>> federatedByApplication = new ConcurrentHashMap<>();

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
    public synchronized void insertFederated(UUID applicationId, FederatedIdentityCredential credential) {
        List<FederatedIdentityCredential> current = federated(applicationId);
        requireUnique(current, credential);
        List<FederatedIdentityCredential> next = new ArrayList<>(current);
        next.add(credential);
        federatedByApplication.put(applicationId, List.copyOf(next));
    }

    @Override
    public List<FederatedIdentityCredential> federated(UUID applicationId) {
        return federatedByApplication.getOrDefault(applicationId, List.of()).stream()
                .sorted(Comparator.comparing(FederatedIdentityCredential::nameKey)
                        .thenComparing(FederatedIdentityCredential::id))
                .toList();
    }

    @Override
    public synchronized boolean updateFederated(UUID applicationId, FederatedIdentityCredential credential) {
        List<FederatedIdentityCredential> current = federated(applicationId);
        FederatedIdentityCredential old = current.stream()
                .filter(c -> c.id().equals(credential.id()))
                .findFirst()
                .orElse(null);
        if (old == null) {
            return false;
        }
        List<FederatedIdentityCredential> others =
                current.stream().filter(c -> !c.id().equals(credential.id())).toList();
        FederatedIdentityCredential updated = new FederatedIdentityCredential(
                old.id(),
                old.name(),
                credential.issuer(),
                credential.subject(),
                credential.audiences(),
                credential.description());
        requireUnique(others, updated);
        List<FederatedIdentityCredential> next = new ArrayList<>(others);
        next.add(updated);
        federatedByApplication.put(applicationId, List.copyOf(next));
        return true;
    }

    @Override
    public synchronized boolean deleteFederated(UUID applicationId, UUID id) {
        List<FederatedIdentityCredential> current = federatedByApplication.getOrDefault(applicationId, List.of());
        List<FederatedIdentityCredential> kept =
                current.stream().filter(c -> !c.id().equals(id)).toList();
        federatedByApplication.put(applicationId, kept);
        return kept.size() < current.size();
    }

    @Override
    public void lockApplication(UUID applicationId) {
        // one thread at a time uses a fake world: nothing to serialise
    }

    private static void requireUnique(
            List<FederatedIdentityCredential> others, FederatedIdentityCredential credential) {
        if (others.stream()
                .anyMatch(c -> c.id().equals(credential.id())
                        || c.nameKey().equals(credential.nameKey())
                        || c.issuerSubjectKey().equals(credential.issuerSubjectKey()))) {
            throw new ConflictException(
                    FederatedCredentialError.DUPLICATE_FEDERATED_CREDENTIAL,
                    "The application already has a federated identity credential named '" + credential.name()
                            + "' or one with the same issuer and subject.");
        }
    }

    @Override
    public Runnable snapshot() {
        return Restorable.all(Restorable.copyOf(byApplication), Restorable.copyOf(federatedByApplication));
    }
}
