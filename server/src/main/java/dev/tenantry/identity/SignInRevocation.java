package dev.tenantry.identity;

import dev.tenantry.shared.UserId;

/**
 * Ends every sign-in of a user at once, its web sessions and its refresh tokens, when an administrator resets its
 * password, disables or deletes it; runs inside that change's transaction (registered with
 * {@code DirectoryService.onSignInsRevoked}).
 */
public final class SignInRevocation {

    private final WebSessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;

    public SignInRevocation(WebSessionRepository sessions, RefreshTokenRepository refreshTokens) {
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
    }

    /** Ends the user's web sessions and revokes its refresh tokens. */
    public void revokeAll(UserId userId) {
        sessions.deleteAllOf(userId);
        refreshTokens.revokeAllOf(userId);
    }
}
