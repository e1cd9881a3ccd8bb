package dev.tenantry.directory;

import dev.tenantry.shared.TenantId;
import java.time.Instant;

/** A directory: the container of users and the home of every subscription created under it (R1). */
public record Tenant(TenantId id, String displayName, String countryCode, String initialDomain, Instant createdAt) {}
