package dev.tenantry.identity;

import dev.tenantry.shared.Caller;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * A browser session of the web pages, bound to one user from sign-in on; before sign-in an {@link #anonymous} value
 * that is never stored. It carries the CSRF token its forms must echo.
 */
public record WebSession(String idHash, TenantId tenantId, UserId userId, String csrfToken, Instant expiresAt) {

    /** A visitor who has not signed in: nothing is stored, the CSRF token comes from a signed cookie. */
    public static WebSession anonymous(String csrfToken) {
        return new WebSession(null, null, null, csrfToken, null);
    }

    public boolean signedIn() {
        return userId != null;
    }

    /** The signed-in user as a caller of the services, empty for an anonymous session. */
    public Optional<Caller> caller() {
        return signedIn() ? Optional.of(new Caller.User(tenantId, userId)) : Optional.empty();
    }
}
