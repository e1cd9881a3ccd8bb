package dev.tenantry.directory;

import dev.tenantry.shared.UserId;

/**
 * Ends a user's sign-ins (web sessions, refresh tokens) inside the transaction that resets its password, disables or
 * deletes it (issue 7.9); identity implements it, as directory may not depend on identity.
 */
@FunctionalInterface
public interface SignInRevoker {

    void revokeSignIns(UserId userId);
}
