package dev.tenantry.directory;

import dev.tenantry.shared.TenantId;
import java.util.UUID;

/** A directory role activated in one tenant: its own object id, and the built-in template it instantiates. */
public record DirectoryRole(UUID id, TenantId tenantId, DirectoryRoleTemplate template) {}
