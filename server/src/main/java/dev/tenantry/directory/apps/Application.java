package dev.tenantry.directory.apps;

import dev.tenantry.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An app registration: its object id, the {@code appId} (client id) clients use, and its client secrets. */
public record Application(
        UUID id,
        TenantId tenantId,
        UUID appId,
        String displayName,
        Instant createdAt,
        List<ClientSecret> passwordCredentials) {

    public Application {
        passwordCredentials = List.copyOf(passwordCredentials);
    }
}
