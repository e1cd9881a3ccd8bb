package dev.tenantry.directory;

import dev.tenantry.shared.TenantId;
import java.util.Optional;

/** Stores directories. */
public interface TenantRepository {

    /** Inserts a tenant; a taken initial domain is a {@code ConflictException} with code {@code domain_taken}. */
    void insert(Tenant tenant);

    Optional<Tenant> findById(TenantId id);

    /** Finds the tenant whose initial domain is {@code domain}, compared case-insensitively. */
    Optional<Tenant> findByDomain(String domain);

    /**
     * Locks the tenant's row until the current transaction ends: the serialisation point of every rule that counts
     * the tenant's Global Administrators. Call it inside a transaction, before reading what the rule counts.
     */
    void lock(TenantId id);
}
