package dev.tenantry.identity.grants;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.Tenant;
import dev.tenantry.directory.tenants.TenantService;
import dev.tenantry.shared.GenerationCache;
import dev.tenantry.shared.NotFoundException;
import java.util.Locale;
import java.util.Optional;

/** The tenant the token endpoint's path names: a tenant id or domain, or none for {@code common}/{@code organizations}. */
final class TenantSegment {

    private final TenantService tenants;
    private final GenerationCache cache;

    TenantSegment(TenantService tenants) {
        this(tenants, GenerationCache.disabled());
    }

    TenantSegment(TenantService tenants, GenerationCache cache) {
        this.tenants = tenants;
        this.cache = cache;
    }

    private record Segment(String lowerCased) {}

    /** The tenant {@code segment} names, empty for the multi-tenant segments; an unknown tenant is refused. */
    Optional<Tenant> resolve(String segment) {
        String tenant = segment == null ? "" : segment.toLowerCase(Locale.ROOT);
        if (tenant.equals("common") || tenant.equals("organizations")) {
            return Optional.empty();
        }
        // a directory is never deleted nor renamed by domain, and a miss is not cached: a cached one is always right
        return Optional.of(cache.get(new Segment(tenant), () -> tenants.findTenant(tenant))
                .orElseThrow(() -> new NotFoundException(
                        DirectoryError.TENANT_NOT_FOUND,
                        "Tenant '" + segment + "' not found. Check to make sure you have the correct tenant ID and "
                                + "are signing into the correct cloud.")));
    }
}
