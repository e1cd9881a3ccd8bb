package dev.tenantry.testing;

import dev.tenantry.directory.apps.ApplicationRepository;
import dev.tenantry.directory.apps.TokenLifetimePolicy;
import dev.tenantry.directory.apps.TokenLifetimePolicyRepository;
import dev.tenantry.shared.TenantId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token lifetime policies in maps; rolled back with the other fakes. Assignments are checked against {@code
 * applications} so an application of another directory cannot be given a policy (R14), as the SQL join does.
 */
public final class InMemoryTokenLifetimePolicyRepository implements TokenLifetimePolicyRepository, Restorable {

    private final Map<UUID, TokenLifetimePolicy> byId = new ConcurrentHashMap<>();
    private final Map<UUID, UUID> policyByApplication = new ConcurrentHashMap<>();
    private final ApplicationRepository applications;

    public InMemoryTokenLifetimePolicyRepository(ApplicationRepository applications) {
        this.applications = applications;
    }

    @Override
    public void insert(TokenLifetimePolicy policy) {
        byId.put(policy.id(), policy);
    }

    @Override
    public synchronized boolean update(TokenLifetimePolicy policy) {
        if (find(policy.tenantId(), policy.id()).isEmpty()) {
            return false;
        }
        byId.put(policy.id(), policy);
        return true;
    }

    @Override
    public synchronized boolean delete(TenantId tenantId, UUID id) {
        if (find(tenantId, id).isEmpty()) {
            return false;
        }
        byId.remove(id);
        policyByApplication.values().removeIf(id::equals);
        return true;
    }

    @Override
    public Optional<TokenLifetimePolicy> find(TenantId tenantId, UUID id) {
        return Optional.ofNullable(byId.get(id)).filter(p -> p.tenantId().equals(tenantId));
    }

    @Override
    public List<TokenLifetimePolicy> list(TenantId tenantId) {
        return byId.values().stream()
                .filter(p -> p.tenantId().equals(tenantId))
                .sorted(Comparator.comparing(TokenLifetimePolicy::displayName).thenComparing(TokenLifetimePolicy::id))
                .toList();
    }

    @Override
    public Optional<TokenLifetimePolicy> findOrganizationDefault(TenantId tenantId) {
        return list(tenantId).stream()
                .filter(TokenLifetimePolicy::isOrganizationDefault)
                .min(Comparator.comparing(TokenLifetimePolicy::id));
    }

    @Override
    public synchronized void assign(TenantId tenantId, UUID applicationId, UUID policyId) {
        if (applications.findById(tenantId, applicationId).isEmpty()) {
            return;
        }
        policyByApplication.remove(applicationId);
        if (find(tenantId, policyId).isPresent()) {
            policyByApplication.put(applicationId, policyId);
        }
    }

    @Override
    public synchronized boolean unassign(TenantId tenantId, UUID applicationId, UUID policyId) {
        if (find(tenantId, policyId).isEmpty()) {
            return false;
        }
        return policyByApplication.remove(applicationId, policyId);
    }

    @Override
    public Optional<TokenLifetimePolicy> findAssigned(TenantId tenantId, UUID applicationId) {
        return Optional.ofNullable(policyByApplication.get(applicationId)).flatMap(id -> find(tenantId, id));
    }

    @Override
    public Runnable snapshot() {
        Runnable policies = Restorable.copyOf(byId);
        Runnable assignments = Restorable.copyOf(policyByApplication);
        return () -> {
            policies.run();
            assignments.run();
        };
    }
}
