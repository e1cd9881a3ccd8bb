package dev.tenantry.identity;

import dev.tenantry.directory.DirectoryError;
import dev.tenantry.directory.DirectoryMemberships;
import dev.tenantry.directory.User;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.NotFoundException;
import dev.tenantry.shared.Secrets;
import dev.tenantry.shared.TenantId;
import dev.tenantry.shared.Transactions;
import dev.tenantry.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Web sign-in sessions, made only by {@link #signIn}, which always issues a new session id (no fixation). A visitor
 * who has not signed in has no session row (issue 7.10): the pages keep the CSRF token of anonymous forms in a signed
 * cookie instead.
 */
public final class SessionService {

    private static final Duration LIFETIME = Duration.ofHours(12);
    private static final int ID_BYTES = 32;

    private final LockoutService lockouts;
    private final WebSessionRepository sessions;
    private final Transactions transactions;
    private final Clock clock;
    private final DirectoryMemberships memberships;

    public SessionService(
            LockoutService lockouts, WebSessionRepository sessions, Transactions transactions, Clock clock) {
        this(lockouts, sessions, transactions, clock, DirectoryMemberships.homeOnly());
    }

    /** Sessions that can switch to the directories {@code memberships} says an account may act in (issue 10). */
    public SessionService(
            LockoutService lockouts,
            WebSessionRepository sessions,
            Transactions transactions,
            Clock clock,
            DirectoryMemberships memberships) {
        this.lockouts = lockouts;
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
        this.memberships = memberships;
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

    /**
     * Checks the user name and password (the same answer for an unknown user and a wrong password; refused while the
     * account is locked) and replaces the previous session, if any, with a new signed-in one.
     */
    public Started signIn(String previousCookieValue, String userName, String password) {
        User user = lockouts.authenticateUser(userName, password);
        return transactions.inTransaction(() -> {
            end(previousCookieValue);
            return create(user.tenantId(), user.id());
        });
    }

    /**
     * Replaces the session named by the cookie value with one acting in {@code target} as the user object the signed-in
     * account {@code home} has there (itself at home, its accepted guest object elsewhere, R2); another directory is
     * not found (R14).
     */
    public Started switchDirectory(String cookieValue, Caller.Account home, TenantId target) {
        UserId acting = memberships
                .userIn(target, home)
                .orElseThrow(() -> new NotFoundException(
                        DirectoryError.TENANT_NOT_FOUND,
                        "Directory '" + target + "' does not exist or you are not a user of it."));
        return transactions.inTransaction(() -> {
            end(cookieValue);
            return create(target, acting);
        });
    }

    /** When the person signed in to {@code session} (issue 11: OpenID Connect's {@code max_age}). */
    public Instant signedInAt(WebSession session) {
        return session.expiresAt() == null ? null : session.expiresAt().minus(LIFETIME);
    }

    /**
     * Issue 11: records that the signed-in {@code session} signed into the application {@code clientId} (a code or an
     * ID token was issued to it from this browser session), so that signing out signs out of it too.
     */
    public void signedInto(WebSession session, UUID clientId) {
        if (session.signedIn() && session.idHash() != null) {
            transactions.run(() -> sessions.addClient(session.idHash(), clientId));
        }
    }

    /** The applications the signed-in {@code session} signed into (issue 11); none for an anonymous session. */
    public List<UUID> clientsOf(WebSession session) {
        return session.signedIn() && session.idHash() != null ? sessions.findClients(session.idHash()) : List.of();
    }

    /**
     * The session's {@code sid} (OpenID Connect Front-Channel Logout 1.0 §3; Entra's is a GUID): derived from the
     * stored hash of the cookie, never from the cookie itself, so it names the session without letting anyone use it.
     */
    public static String sid(WebSession session) {
        return UUID.nameUUIDFromBytes(("sid|" + session.idHash()).getBytes(StandardCharsets.UTF_8))
                .toString();
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

    private Started create(TenantId tenantId, UserId userId) {
        String cookieValue = Secrets.random(ID_BYTES);
        Instant now = clock.instant();
        WebSession session = new WebSession(
                Secrets.sha256Hex(cookieValue), tenantId, userId, Secrets.random(24), now.plus(LIFETIME));
        sessions.insert(session, now);
        return new Started(cookieValue, session);
    }
}
