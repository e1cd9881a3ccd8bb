package dev.tenantry.identity;

import dev.tenantry.directory.DirectoryService;
import dev.tenantry.directory.User;
import dev.tenantry.shared.Secrets;
import dev.tenantry.shared.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Web sign-in sessions: anonymous ones that carry a CSRF token for the public forms, and signed-in ones made by
 * {@link #signIn}, which always issues a new session id (no fixation).
 */
public final class SessionService {

    private static final Duration LIFETIME = Duration.ofHours(12);
    private static final int ID_BYTES = 32;

    private final DirectoryService directory;
    private final WebSessionRepository sessions;
    private final Transactions transactions;
    private final Clock clock;

    public SessionService(
            DirectoryService directory, WebSessionRepository sessions, Transactions transactions, Clock clock) {
        this.directory = directory;
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A session and the cookie value that names it; the value is never stored. */
    public record Started(String cookieValue, WebSession session) {}

    /** The live session named by a cookie value, if any. */
    public Optional<WebSession> find(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 100) {
            return Optional.empty();
        }
        return sessions.find(Secrets.sha256Hex(cookieValue), clock.instant());
    }

    /** A new anonymous session, for a visitor's first form. */
    public Started startAnonymous() {
        return create(null);
    }

    /**
     * Checks the user name and password (the same answer for an unknown user and a wrong password) and replaces the
     * previous session, if any, with a new signed-in one.
     */
    public Started signIn(String previousCookieValue, String userName, String password) {
        User user = directory.authenticate(userName, password);
        return transactions.inTransaction(() -> {
            end(previousCookieValue);
            return create(user);
        });
    }

    /** Ends the session named by the cookie value; ends every session of its user when {@code everywhere}. */
    public void signOut(String cookieValue, boolean everywhere) {
        transactions.run(() -> {
            Optional<WebSession> session = find(cookieValue);
            if (everywhere && session.isPresent() && session.get().signedIn()) {
                sessions.deleteAllOf(session.get().userId());
            }
            end(cookieValue);
        });
    }

    private void end(String cookieValue) {
        if (cookieValue != null && !cookieValue.isBlank()) {
            sessions.delete(Secrets.sha256Hex(cookieValue));
        }
    }

    private Started create(User user) {
        String cookieValue = Secrets.random(ID_BYTES);
        Instant now = clock.instant();
        WebSession session = new WebSession(
                Secrets.sha256Hex(cookieValue),
                user == null ? null : user.tenantId(),
                user == null ? null : user.id(),
                Secrets.random(24),
                now.plus(LIFETIME));
        sessions.insert(session, now);
        return new Started(cookieValue, session);
    }
}
