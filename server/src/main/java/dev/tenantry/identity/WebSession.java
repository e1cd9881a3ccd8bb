package dev.tenantry.identity;

import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * A browser session of the web pages: anonymous until sign-in, then bound to one user. It carries the CSRF token its
 * forms must echo.
 */
public record WebSession(String idHash, TenantId tenantId, UserId userId, String csrfToken, Instant expiresAt) {

    public boolean signedIn() {
        return userId != null;
    }

    /** The signed-in user as a caller of the services, empty for an anonymous session. */
    public Optional<Caller> caller() {
        return signedIn() ? Optional.of(new Caller.User(tenantId, userId)) : Optional.empty();
    }
}
