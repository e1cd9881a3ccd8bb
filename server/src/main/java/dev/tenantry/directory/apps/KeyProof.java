package dev.tenantry.directory.apps;

import java.util.List;
import java.util.UUID;

/**
 * Checks Graph's {@code proof} of {@code addKey} and {@code removeKey}: a JWT signed by one of the application's
 * current certificates (its audience {@code 00000002-0000-0000-c000-000000000000}, its issuer the application's
 * object id), so only a holder of an existing key can change the keys without an administrator's PATCH.
 */
@FunctionalInterface
public interface KeyProof {

    /** Throws an {@code InvalidRequestException} unless {@code proof} is such a JWT for {@code applicationObjectId}. */
    void verify(String proof, UUID applicationObjectId, List<KeyCredential> currentKeys);
}
