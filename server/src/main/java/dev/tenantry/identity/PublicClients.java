package dev.tenantry.identity;

import java.util.UUID;

/**
 * Which registered applications are public clients (issue 11): they registered SPA or native ({@code publicClient})
 * redirect URIs, so they hold no secret and redeem their refresh tokens without one, as Entra lets them.
 */
@FunctionalInterface
public interface PublicClients {

    /** Only Microsoft's first-party clients are public. */
    PublicClients NONE = clientId -> false;

    boolean isPublic(UUID clientId);
}
