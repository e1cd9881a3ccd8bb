package dev.tenantry.testing;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.Tenant;
import dev.tenantry.directory.TenantRepository;
import dev.tenantry.shared.ConflictException;
import dev.tenantry.shared.TenantId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Directories in a map; an initial domain is unique ignoring case. */
public final class InMemoryTenantRepository implements TenantRepository, Restorable {

    private final Map<TenantId, Tenant> tenants = new LinkedHashMap<>();

    @Override
    public void insert(Tenant tenant) {
        if (findByDomain(tenant.initialDomain()).isPresent() || tenants.containsKey(tenant.id())) {
            throw new ConflictException(
                    DirectoryError.DOMAIN_TAKEN,
                    "The domain '" + tenant.initialDomain() + "' is already taken.",
                    "domainPrefix");
        }
        tenants.put(tenant.id(), tenant);
    }

    @Override
    public Optional<Tenant> findById(TenantId id) {
        return Optional.ofNullable(tenants.get(id));
    }

    @Override
    public Optional<Tenant> findByDomain(String domain) {
        String wanted = domain.strip().toLowerCase(Locale.ROOT);
        return tenants.values().stream()
                .filter(t -> t.initialDomain().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    @Override
    public void lock(TenantId id) {
        // one thread at a time uses a fake world: nothing to serialise
    }

    /** Every stored directory, in insertion order. */
    public List<Tenant> all() {
        return List.copyOf(tenants.values());
    }

    @Override
    public Runnable snapshot() {
        return Restorable.copyOf(tenants);
    }
}
